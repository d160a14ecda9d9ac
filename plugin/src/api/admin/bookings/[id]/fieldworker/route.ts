import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { assignFieldworkerWorkflow } from "../../../../../workflows/booking/admin-bookings"
import { loadAdminBooking } from "../../helpers"
import type { AdminAssignFieldworkerType } from "../../validators"
import { answerConflictError } from "../../../../utils/errors"
import { requestActor } from "../../../../utils/activity-actor"
import type { AdminBookingResponse, ErrorResponse } from "@fieldservice/contract"

/**
 * Assigns a fieldworker (or `null` to unassign). 409 when they are booked at an overlapping time
 * (code "fieldworker_busy"), inactive, or the booking is cancelled; and when the visit's postcode
 * is outside their areas (code "fieldworker_outside_area"), which staff can override with
 * `outside_area: true` after a warning.
 */
export async function POST(req: AuthenticatedMedusaRequest<AdminAssignFieldworkerType>, res: MedusaResponse<AdminBookingResponse | ErrorResponse>) {
  try {
    await assignFieldworkerWorkflow(req.scope).run({
      input: { booking_id: req.params.id, ...req.validatedBody, actor: await requestActor(req) },
    })
  } catch (error) {
    if (answerConflictError(res, error)) return
    throw error
  }
  res.json(await loadAdminBooking(req.scope, req.params.id))
}
