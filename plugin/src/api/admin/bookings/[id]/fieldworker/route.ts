import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { assignFieldworkerWorkflow } from "../../../../../workflows/booking/assign-fieldworker"
import { answerBookingChange } from "../../helpers"
import type { AdminAssignFieldworkerType } from "../../validators"
import type { AdminBookingResponse, ErrorResponse } from "@fieldservice/contract"

/**
 * Assigns a fieldworker (or `null` to unassign). 409 when they are booked at an overlapping time
 * (code "fieldworker_busy"), inactive, or the booking is completed or cancelled ("booking_closed":
 * who did it stays on record); and when the visit's postcode is outside their areas (code
 * "fieldworker_outside_area"), which staff can override with `outside_area: true` after a warning.
 */
export async function POST(req: AuthenticatedMedusaRequest<AdminAssignFieldworkerType>, res: MedusaResponse<AdminBookingResponse | ErrorResponse>) {
  await answerBookingChange(req, res, (actor) =>
    assignFieldworkerWorkflow(req.scope).run({ input: { booking_id: req.params.id, ...req.validatedBody, actor } })
  )
}
