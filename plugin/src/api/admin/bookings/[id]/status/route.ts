import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { changeBookingStatusWorkflow } from "../../../../../workflows/booking/admin-bookings"
import { loadAdminBooking } from "../../helpers"
import type { AdminChangeBookingStatusType } from "../../validators"
import { answerConflictError } from "../../../../utils/errors"
import { requestActor } from "../../../../utils/activity-actor"
import type { AdminBookingResponse, ErrorResponse } from "@fieldservice/contract"

/**
 * Moves a booking on (confirmed → in progress → completed) or cancels it (frees its arrival
 * window; `reason` is shown to the customer). A transition that isn't allowed answers 400 with
 * what the booking can become.
 */
export async function POST(req: AuthenticatedMedusaRequest<AdminChangeBookingStatusType>, res: MedusaResponse<AdminBookingResponse | ErrorResponse>) {
  try {
    await changeBookingStatusWorkflow(req.scope).run({
      input: { booking_id: req.params.id, status: req.validatedBody.status, reason: req.validatedBody.reason, actor: await requestActor(req) },
    })
  } catch (error) {
    if (answerConflictError(res, error)) return
    throw error
  }
  res.json(await loadAdminBooking(req.scope, req.params.id))
}
