import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { StoreBookingSessionResponse } from "@fieldservice/contract"
import type { ICustomerModuleService } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { BOOKING_MODULE, type BookingModuleService, isUpcoming } from "../../../../modules/booking"
import { bookingSessionEmail } from "./helpers"
import { isoDate, isoDateOrNull } from "../../../../utils/json-dates"

/** Upcoming visits soonest first, then past ones (cancelled, completed or over) latest first. */
function upcomingFirst<Booking extends { status: string; starts_at: Date; ends_at: Date }>(list: Booking[], now: Date) {
  const upcoming = list.filter((booking) => isUpcoming(booking, now)).reverse()
  return [...upcoming, ...list.filter((booking) => !isUpcoming(booking, now))]
}

/** A booking-number session sees the bookings made with its email, and nothing else. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse<StoreBookingSessionResponse>) {
  const email = await bookingSessionEmail(req)
  const bookings: BookingModuleService = req.scope.resolve(BOOKING_MODULE)
  const customers: ICustomerModuleService = req.scope.resolve(Modules.CUSTOMER)
  const [list, accounts] = await Promise.all([
    bookings.listBookings({ email }, { order: { starts_at: "DESC" }, take: 100 }),
    customers.listCustomers({ email, has_account: true }, { take: 1 }),
  ])
  res.json({
    email,
    has_account: accounts.length > 0,
    bookings: upcomingFirst(list, new Date()).map(({ id, booking_number, service_title, status, starts_at, ends_at, location, location_text }) => ({
      id,
      booking_number,
      service_title,
      status,
      starts_at: isoDate(starts_at),
      ends_at: isoDateOrNull(ends_at),
      // The arrival window customers see everywhere else, not the end of the visit.
      window_ends_at: isoDate((location as { window_ends_at?: string } | null)?.window_ends_at ?? ends_at),
      location_text,
    })),
  })
}
