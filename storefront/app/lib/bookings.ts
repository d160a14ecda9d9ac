/** How a booking is shown in My bookings and on its own page. Shared by server and browser. */

import { formatWindow } from "~/lib/services"
import type { StoreBooking as CustomerBooking } from "@fieldservice/contract"

export const STATUS_LABELS: Record<string, string> = {
  requested: "Requested",
  confirmed: "Confirmed",
  in_progress: "In progress",
  completed: "Completed",
  cancelled: "Cancelled",
}

export type BookingView = {
  id: string
  number: string
  service: string
  option: string | null
  /** "Tuesday 25 November 2025, 10:00–12:00": the arrival window. */
  when: string
  status: string
  location: string | null
  contact: string | null
  instructions: string | null
  /** The accepted quote the visit was booked from. */
  quote: { id: string; number: string } | null
}

/** Times in the business's time zone; the arrival window when the booking knows it, else start to end. */
export function toBookingView(booking: CustomerBooking, timeZone: string): BookingView {
  const windowEnd = booking.location?.window_ends_at || booking.ends_at
  const contact = booking.contact ? [booking.contact.name, booking.contact.email, booking.contact.phone].filter(Boolean).join(", ") : ""
  return {
    id: booking.id,
    number: booking.booking_number,
    service: booking.service_title,
    option: booking.option_title,
    when: formatWindow(booking.starts_at, windowEnd, timeZone, "long"),
    status: STATUS_LABELS[booking.status] ?? booking.status,
    location: booking.location_text,
    contact: contact || null,
    instructions: booking.instructions,
    quote: booking.quote_id && booking.quote_number ? { id: booking.quote_id, number: booking.quote_number } : null,
  }
}
