import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { listAdminBookings } from "../../utils/admin-booking-response"
import type { AdminListBookingsType } from "../../utils/admin-booking-validators"

/** Staff's bookings list: by status, dates, customer, fieldworker or a booking number / email, sorted by date, a page at a time. */
export async function GET(req: AuthenticatedMedusaRequest<unknown, AdminListBookingsType>, res: MedusaResponse) {
  res.json(await listAdminBookings(req.scope, req.validatedQuery))
}
