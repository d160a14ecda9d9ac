import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { ErrorResponse, StoreManagedBookingResponse } from "@fieldservice/contract"
import { cancelBookingWorkflow } from "../../../../../../../workflows/booking/cancel-booking"
import type { StoreCancelBookingType } from "../../../../../customers/me/bookings/[id]/validators"
import { answeringConflicts } from "../../../../../customers/me/bookings/helpers"
import { bookingSessionEmail, loadSessionBooking } from "../../../helpers"

/** Cancels a booking made with the session's email, under the same cut-off as a signed-in customer. */
export async function POST(req: AuthenticatedMedusaRequest<StoreCancelBookingType>, res: MedusaResponse<StoreManagedBookingResponse | ErrorResponse>) {
  const email = await bookingSessionEmail(req)
  await answeringConflicts(res, async () => {
    await cancelBookingWorkflow(req.scope).run({ input: { email, booking_id: req.params.id, reason: req.validatedBody.reason ?? null } })
    res.json(await loadSessionBooking(req, req.params.id))
  })
}
