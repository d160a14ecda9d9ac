import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { BOOKING_MODULE, type BookingModuleService } from "../../../../../../modules/booking"

/** One of the customer's bookings; anyone else's is "not found". */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const bookings: BookingModuleService = req.scope.resolve(BOOKING_MODULE)
  const [booking] = await bookings.listBookings({ id: req.params.id, customer_id: req.auth_context.actor_id }, { take: 1 })
  if (!booking) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Booking ${req.params.id} was not found`)
  res.json({ booking })
}
