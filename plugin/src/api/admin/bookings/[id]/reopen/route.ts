import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { reopenCompletedBookingWorkflow } from "../../../../../workflows/booking/reopen-completed-booking"
import { answerBookingChange } from "../../helpers"
import type { AdminBookingResponse, ErrorResponse } from "@fieldservice/contract"

/**
 * Undoes "Mark completed" within COMPLETION_UNDO_MINUTES: the booking is back to the status it had.
 * 409 "completion_undo_expired" after that, "booking_not_completed" when it isn't completed.
 */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminBookingResponse | ErrorResponse>) {
  await answerBookingChange(req, res, (actor) => reopenCompletedBookingWorkflow(req.scope).run({ input: { booking_id: req.params.id, actor } }))
}
