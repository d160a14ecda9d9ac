import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { BOOKING_MODULE, type BookingModuleService } from "../../../../../modules/booking"
import { SERVICES_MODULE, type ServicesModuleService } from "../../../../../modules/services"
import { availabilityRange, readLocalDate } from "../../../../../modules/services/availability"
import type { AdminGetFreeWindowsParamsType } from "../../validators"
import type { AdminFreeWindowsResponse } from "@fieldservice/contract"

/** The arrival windows of the visit's service that still have room, for the board's "Move to another time". */
export async function GET(req: AuthenticatedMedusaRequest<unknown, AdminGetFreeWindowsParamsType>, res: MedusaResponse<AdminFreeWindowsResponse>) {
  const bookings: BookingModuleService = req.scope.resolve(BOOKING_MODULE)
  const services: ServicesModuleService = req.scope.resolve(SERVICES_MODULE)
  const [booking] = await bookings.listBookings({ id: req.params.id }, { take: 1, select: ["id", "product_id", "starts_at"] })
  if (!booking) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Booking ${req.params.id} was not found`)
  if (!booking.product_id) return res.json({ windows: [], time_zone: services.timeZone })
  const now = new Date()
  const { start, end } = availabilityRange(
    req.validatedQuery.from ? readLocalDate(req.validatedQuery.from) : null,
    req.validatedQuery.days,
    now,
    services.timeZone
  )
  const windows = await services.freeWindows(booking.product_id, start, end, now)
  const current = new Date(booking.starts_at).getTime()
  res.json({
    time_zone: services.timeZone,
    windows: windows
      .filter((window) => window.starts_at.getTime() !== current)
      .map((window) => ({ starts_at: window.starts_at.toISOString(), ends_at: window.ends_at.toISOString(), remaining: window.remaining })),
  })
}
