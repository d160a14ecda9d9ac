import type { BookingStatus } from "@fieldservice/contract"

export const STATUS_LABELS: Record<BookingStatus, string> = {
  requested: "requested",
  confirmed: "confirmed",
  in_progress: "in progress",
  completed: "completed",
  cancelled: "cancelled",
}

/**
 * Where staff can move a booking from each status. Forward through the visit (confirmed → in
 * progress → completed; "completed" straight from "confirmed" when nobody marked the start),
 * back from "in progress" to "confirmed" when it was marked by mistake, and any open booking can
 * be cancelled. Completed and cancelled bookings are final.
 */
export const STATUS_TRANSITIONS: Record<BookingStatus, readonly BookingStatus[]> = {
  requested: ["confirmed", "in_progress", "cancelled"],
  confirmed: ["in_progress", "completed", "cancelled"],
  in_progress: ["completed", "confirmed", "cancelled"],
  completed: [],
  cancelled: [],
}

export const canChangeStatus = (from: BookingStatus, to: BookingStatus) => STATUS_TRANSITIONS[from].includes(to)

/** Why staff can't move a booking from one status to another, for a person to read. */
export function refusedTransitionMessage(bookingNumber: string, from: BookingStatus, to: BookingStatus): string {
  if (from === to) return `Booking ${bookingNumber} is already ${STATUS_LABELS[to]}.`
  const allowed = STATUS_TRANSITIONS[from]
  if (!allowed.length) return `Booking ${bookingNumber} is ${STATUS_LABELS[from]}, so its status can no longer change.`
  const options = allowed.map((status) => `“${STATUS_LABELS[status]}”`)
  const list = options.length > 1 ? `${options.slice(0, -1).join(", ")} or ${options[options.length - 1]}` : options[0]
  return `Booking ${bookingNumber} is ${STATUS_LABELS[from]}, so it can't be marked ${STATUS_LABELS[to]}. It can be marked ${list}.`
}

const UK_POSTCODE = /\b([A-Z]{1,2}\d[A-Z\d]?)\s*(\d[A-Z]{2})\b/gi

/**
 * The postcode of the visit: the booked address's, or (for bookings taken before addresses were
 * stored in parts, such as phone bookings) the last UK postcode in the location line.
 */
export function bookingPostcode(booking: { location?: unknown; location_text?: string | null }): string | null {
  const location = (booking.location ?? null) as { postal_code?: unknown } | null
  if (location && typeof location.postal_code === "string" && location.postal_code.trim()) return location.postal_code.trim().toUpperCase()
  const matches = [...(booking.location_text ?? "").matchAll(UK_POSTCODE)]
  const last = matches[matches.length - 1]
  return last ? `${last[1]} ${last[2]}`.toUpperCase() : null
}
