import { OPEN_BOOKING_STATUSES } from "@fieldservice/contract"

export type BookingWhen = "upcoming" | "past"

const CLOSED_STATUSES = ["completed", "cancelled"]

/**
 * The one meaning of "upcoming" and "past", for the portal and the admin alike: upcoming is still
 * open and not yet over; past is completed, cancelled, or over.
 */
export function upcomingOrPast(when: BookingWhen, now: Date) {
  return when === "upcoming"
    ? { status: { $in: [...OPEN_BOOKING_STATUSES] }, ends_at: { $gte: now } }
    : { $or: [{ status: { $in: CLOSED_STATUSES } }, { ends_at: { $lt: now } }] }
}

/** The same rule for one booking already read. */
export const isUpcoming = (booking: { status: string; ends_at: Date | string }, now: Date) =>
  (OPEN_BOOKING_STATUSES as readonly string[]).includes(booking.status) && new Date(booking.ends_at).getTime() >= now.getTime()
