import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { staffUpdateBookingWorkflow } from "../../../../workflows/booking/staff-update-booking"
import { answerBookingChange, answerLocationRefusal, loadAdminBooking } from "../helpers"
import type { AdminUpdateBookingType } from "../validators"
import type { AdminBookingResponse, ErrorResponse } from "@fieldservice/contract"

/** One booking with its customer, fieldworker, order, contacts, dependents and attachments. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminBookingResponse>) {
  res.json(await loadAdminBooking(req.scope, req.params.id))
}

/**
 * Staff edit an open visit: its address (one of the customer's saved locations, anyone else's
 * "not found", or a new address saved to their locations), who to ask for and the instructions.
 * An address outside the service's area is a 400 naming the field; a completed or cancelled
 * booking a 409 saying why.
 */
export async function POST(req: AuthenticatedMedusaRequest<AdminUpdateBookingType>, res: MedusaResponse<AdminBookingResponse | ErrorResponse>) {
  const { location, contact, instructions } = req.validatedBody
  await answerBookingChange(
    req,
    res,
    (actor) => staffUpdateBookingWorkflow(req.scope).run({ input: { booking_id: req.params.id, location, contact, instructions, actor } }),
    { answerRefusal: (error) => answerLocationRefusal(res, error, location) }
  )
}
