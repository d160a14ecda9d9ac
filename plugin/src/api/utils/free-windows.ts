import type { MedusaContainer } from "@medusajs/framework/types"
import { type BookingParty, SERVICES_MODULE, type ServicesModuleService } from "../../modules/services"
import { availabilityRange, readLocalDate } from "../../modules/services/availability"
import type { StoreAvailabilityResponse } from "@fieldservice/contract"

/**
 * A service's arrival windows that still have room, for `days` days of the business's calendar
 * from `from` (a date), else from now, as `by` may book them; `skip` leaves out one start (the
 * visit's own when moving it).
 */
export async function listFreeWindows(
  scope: MedusaContainer,
  productId: string,
  range: { from?: string; days: number },
  by: BookingParty,
  skip?: Date
): Promise<StoreAvailabilityResponse> {
  const services: ServicesModuleService = scope.resolve(SERVICES_MODULE)
  const now = new Date()
  const { start, end } = availabilityRange(range.from ? readLocalDate(range.from) : null, range.days, now, services.timeZone)
  const windows = await services.freeWindows(productId, start, end, now, by)
  return {
    time_zone: services.timeZone,
    windows: windows
      .filter((window) => window.starts_at.getTime() !== skip?.getTime())
      .map((window) => ({ starts_at: window.starts_at.toISOString(), ends_at: window.ends_at.toISOString(), remaining: window.remaining })),
  }
}
