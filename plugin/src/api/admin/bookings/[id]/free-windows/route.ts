import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { BOOKING_MODULE, type BookingModuleService } from "../../../../../modules/booking"
import { SERVICES_MODULE, type ServicesModuleService } from "../../../../../modules/services"
import { listFreeWindows } from "../../../../utils/free-windows"
import type { AdminGetFreeWindowsParamsType } from "../../validators"
import type { AdminFreeWindowsResponse } from "@fieldservice/contract"

/**
 * The arrival windows of the visit's service that still have room, for "Move to another time".
 * The office may move a visit inside the customers' lead time.
 */
export async function GET(req: AuthenticatedMedusaRequest<unknown, AdminGetFreeWindowsParamsType>, res: MedusaResponse<AdminFreeWindowsResponse>) {
  const bookings: BookingModuleService = req.scope.resolve(BOOKING_MODULE)
  const [booking] = await bookings.listBookings({ id: req.params.id }, { take: 1, select: ["id", "product_id", "starts_at"] })
  if (!booking) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Booking ${req.params.id} was not found`)
  if (!booking.product_id) {
    const services: ServicesModuleService = req.scope.resolve(SERVICES_MODULE)
    return res.json({ windows: [], time_zone: services.timeZone })
  }
  res.json(await listFreeWindows(req.scope, booking.product_id, req.validatedQuery, "staff", new Date(booking.starts_at)))
}
