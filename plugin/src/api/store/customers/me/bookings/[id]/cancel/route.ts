import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { cancelBookingWorkflow } from "../../../../../../../workflows/booking/cancel-booking"
import { answeringConflicts, loadCustomerBooking } from "../../helpers"
import type { StoreCancelBookingType } from "../validators"
import type { ErrorResponse, StoreManagedBookingResponse } from "@fieldservice/contract"

/** Cancel before the business's cut-off; after it, 409 saying how to reach the office. */
export async function POST(req: AuthenticatedMedusaRequest<StoreCancelBookingType>, res: MedusaResponse<StoreManagedBookingResponse | ErrorResponse>) {
  const customerId = req.auth_context.actor_id
  await answeringConflicts(res, async () => {
    await cancelBookingWorkflow(req.scope).run({
      input: { customer_id: customerId, booking_id: req.params.id, reason: req.validatedBody.reason ?? null },
    })
    res.json(await loadCustomerBooking(req.scope, customerId, req.params.id))
  })
}
