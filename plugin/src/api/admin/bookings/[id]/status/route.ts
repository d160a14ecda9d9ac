import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { changeBookingStatusWorkflow } from "../../../../../workflows/booking/change-booking-status"
import { answerBookingChange } from "../../helpers"
import type { AdminChangeBookingStatusType } from "../../validators"
import type { AdminBookingResponse, ErrorResponse } from "@fieldservice/contract"

/**
 * Moves a booking on (confirmed → in progress → completed) or cancels it (frees its arrival
 * window; `reason` is shown to the customer). A transition that isn't allowed answers 400 with
 * what the booking can become; completing before the arrival window starts answers 409
 * "visit_not_started" unless `early_finish: true`.
 */
export async function POST(req: AuthenticatedMedusaRequest<AdminChangeBookingStatusType>, res: MedusaResponse<AdminBookingResponse | ErrorResponse>) {
  await answerBookingChange(req, res, (actor) =>
    changeBookingStatusWorkflow(req.scope).run({ input: { booking_id: req.params.id, ...req.validatedBody, actor } })
  )
}
