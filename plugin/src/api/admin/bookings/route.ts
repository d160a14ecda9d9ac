import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { listAdminBookings } from "./helpers"
import { requestActor } from "../../utils/activity-actor"
import { placeBookingAndAnswer } from "../../utils/place-booking"
import type { AdminCreateBookingType, AdminGetBookingsParamsType } from "./validators"
import type { AdminBookingListResponse, ErrorResponse, StoreBookingResponse } from "@fieldservice/contract"

/** Staff's bookings list: by status, dates, customer, fieldworker or a booking number / email, sorted by date, a page at a time. */
export async function GET(req: AuthenticatedMedusaRequest<unknown, AdminGetBookingsParamsType>, res: MedusaResponse<AdminBookingListResponse>) {
  res.json(await listAdminBookings(req.scope, req.validatedQuery))
}

/**
 * "New booking": staff book for a customer (usually on the phone) through the portal's own booking
 * workflow: the same capacity, prices, emails and payment (on the day, or the customer's saved
 * card, charged off-session). The office may book inside the customers' lead time.
 */
export async function POST(req: AuthenticatedMedusaRequest<AdminCreateBookingType>, res: MedusaResponse<StoreBookingResponse | ErrorResponse>) {
  await placeBookingAndAnswer(req.scope, res, { ...req.validatedBody, by: "staff", actor: await requestActor(req) })
}
