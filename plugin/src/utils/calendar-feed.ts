import { createHmac, timingSafeEqual } from "node:crypto"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { BOOKING_MODULE, type BookingModuleService, describeBookingArrival } from "../modules/booking"
import { PORTAL_ACCESS_MODULE, type PortalAccessModuleService } from "../modules/portal-access"
import { SERVICES_MODULE, type ServicesModuleService } from "../modules/services"
import { visitsCalendar } from "./icalendar"

/** How far back a calendar reaches: recent visits stay in it for a while. */
const PAST_DAYS = 30

/**
 * The private calendar link's key: an HMAC of the customer and the link's version under the
 * server's JWT secret, so nothing secret is stored; resetting the link raises the version.
 */
function feedKey(container: MedusaContainer, customerId: string, version: number): string {
  const secret = container.resolve(ContainerRegistrationKeys.CONFIG_MODULE).projectConfig.http.jwtSecret ?? ""
  return createHmac("sha256", `calendar-feed:${secret}`).update(`${customerId}:${version}`).digest("base64url").slice(0, 32)
}

/** `/calendar/<customer>/<version>-<key>.ics`: what a calendar app subscribes to (no session, no header). */
export const calendarFeedPath = (container: MedusaContainer, customerId: string, version: number) =>
  `/calendar/${customerId}/${version}-${feedKey(container, customerId, version)}.ics`

/** The version a subscribed link's file name carries, when its key is right; null otherwise. */
export function checkCalendarFeed(container: MedusaContainer, customerId: string, file: string): number | null {
  const match = /^(\d{1,9})-([A-Za-z0-9_-]{32})\.ics$/.exec(file)
  if (!match) return null
  const version = Number(match[1])
  const expected = Buffer.from(feedKey(container, customerId, version))
  const given = Buffer.from(match[2])
  return expected.length === given.length && timingSafeEqual(expected, given) ? version : null
}

/** The customer's visits from a month ago on as an iCalendar file, cancelled ones marked so. */
export async function customerVisitsCalendar(container: MedusaContainer, customerId: string): Promise<string> {
  const bookings: BookingModuleService = container.resolve(BOOKING_MODULE)
  const services: ServicesModuleService = container.resolve(SERVICES_MODULE)
  const portal: PortalAccessModuleService = container.resolve(PORTAL_ACCESS_MODULE)
  const since = new Date(Date.now() - PAST_DAYS * 86_400_000)
  const visits = await bookings.listBookings({ customer_id: customerId, starts_at: { $gte: since } }, { order: { starts_at: "ASC" }, take: 500 })
  return visitsCalendar(
    portal.businessName,
    new URL(portal.portalLink("/")).hostname,
    visits.map((visit) => {
      const location = (visit.location ?? {}) as { window_ends_at?: string | null }
      return {
        id: visit.id,
        title: `${visit.service_title}${visit.option_title ? ` (${visit.option_title})` : ""}`,
        starts_at: new Date(visit.starts_at),
        // The arrival window, which is what the customer waits in for.
        ends_at: new Date(location.window_ends_at ?? visit.ends_at),
        location: visit.location_text ?? null,
        description: `Booking ${visit.booking_number}: ${describeBookingArrival(visit, services.timeZone)}.\n${portal.portalLink(`/bookings/${visit.id}`)}`,
        cancelled: visit.status === "cancelled",
        updated_at: new Date(visit.updated_at),
      }
    })
  )
}
