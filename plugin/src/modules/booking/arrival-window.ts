import { describeArrivalWindow } from "../services/time-zone"

/**
 * When the team arrives, as customers and the office read it ("Tue 3 Mar, arriving between 08:00
 * and 10:00"): the booked arrival window (`location.window_ends_at`), or the visit itself for
 * bookings taken without one.
 */
export function describeBookingArrival(booking: { starts_at: Date | string; ends_at: Date | string; location?: unknown }, timeZone: string) {
  const location = (booking.location ?? {}) as { window_ends_at?: string }
  const windowEnd = location.window_ends_at ? new Date(location.window_ends_at) : new Date(booking.ends_at)
  return describeArrivalWindow(new Date(booking.starts_at), windowEnd, timeZone)
}
