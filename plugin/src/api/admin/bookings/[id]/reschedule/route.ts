import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { staffRescheduleBookingWorkflow } from "../../../../../workflows/booking/staff-reschedule-booking"
import { loadAdminBooking } from "../../helpers"
import type { AdminRescheduleBookingType } from "../../validators"
import { answerConflict, answerConflictError } from "../../../../utils/errors"
import { requestActor } from "../../../../utils/activity-actor"
import type { AdminBookingResponse, ErrorResponse } from "@fieldservice/contract"

/**
 * Staff move a visit to another arrival window of its service (the schedule board). 409 with the
 * reason when the window is full, is not one the service offers (past, outside hours or beyond
 * the horizon), or the visit can't move (cancelled, done, booked without windows); nothing
 * changes then. A fieldworker busy at the new time is taken off the visit.
 */
export async function POST(req: AuthenticatedMedusaRequest<AdminRescheduleBookingType>, res: MedusaResponse<AdminBookingResponse | ErrorResponse>) {
  try {
    await staffRescheduleBookingWorkflow(req.scope).run({
      input: { booking_id: req.params.id, starts_at: req.validatedBody.starts_at, actor: await requestActor(req) },
    })
  } catch (error) {
    if (answerConflictError(res, error)) return
    // The body was well formed (the validator passed): a time the service doesn't offer is the
    // schedule saying no, as a full window is.
    if (MedusaError.isMedusaError(error) && (error as MedusaError).type === MedusaError.Types.INVALID_DATA) {
      return answerConflict(res, { code: "window_not_offered", message: (error as MedusaError).message })
    }
    throw error
  }
  res.json(await loadAdminBooking(req.scope, req.params.id))
}
