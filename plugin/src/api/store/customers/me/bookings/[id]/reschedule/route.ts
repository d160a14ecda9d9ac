import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { rescheduleBookingWorkflow } from "../../../../../../../workflows/booking/reschedule-booking"
import { answeringConflicts, loadCustomerBooking } from "../../helpers"
import type { StoreRescheduleBookingType } from "../validators"
import type { ErrorResponse, StoreManagedBookingResponse } from "@fieldservice/contract"

/** Move the visit to another free window of the same service, before the cut-off; 409 when that window was just taken. */
export async function POST(req: AuthenticatedMedusaRequest<StoreRescheduleBookingType>, res: MedusaResponse<StoreManagedBookingResponse | ErrorResponse>) {
  const customerId = req.auth_context.actor_id
  await answeringConflicts(res, async () => {
    await rescheduleBookingWorkflow(req.scope).run({
      input: { customer_id: customerId, booking_id: req.params.id, starts_at: req.validatedBody.starts_at },
    })
    res.json(await loadCustomerBooking(req.scope, customerId, req.params.id))
  })
}
