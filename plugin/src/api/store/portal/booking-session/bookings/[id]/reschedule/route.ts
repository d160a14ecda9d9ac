import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { ErrorResponse, StoreManagedBookingResponse } from "@fieldservice/contract"
import { rescheduleBookingWorkflow } from "../../../../../../../workflows/booking/reschedule-booking"
import type { StoreRescheduleBookingType } from "../../../../../customers/me/bookings/[id]/validators"
import { answeringConflicts } from "../../../../../customers/me/bookings/helpers"
import { bookingSessionEmail, loadSessionBooking } from "../../../helpers"

/** Moves a booking made with the session's email to another free window, under the same rules. */
export async function POST(req: AuthenticatedMedusaRequest<StoreRescheduleBookingType>, res: MedusaResponse<StoreManagedBookingResponse | ErrorResponse>) {
  const email = await bookingSessionEmail(req)
  await answeringConflicts(res, async () => {
    await rescheduleBookingWorkflow(req.scope).run({ input: { email, booking_id: req.params.id, starts_at: req.validatedBody.starts_at } })
    res.json(await loadSessionBooking(req, req.params.id))
  })
}
