import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { listAdminBookings } from "./helpers"
import type { AdminGetBookingsParamsType } from "./validators"
import type { AdminBookingListResponse } from "@fieldservice/contract"

/** Staff's bookings list: by status, dates, customer, fieldworker or a booking number / email, sorted by date, a page at a time. */
export async function GET(req: AuthenticatedMedusaRequest<unknown, AdminGetBookingsParamsType>, res: MedusaResponse<AdminBookingListResponse>) {
  res.json(await listAdminBookings(req.scope, req.validatedQuery))
}
