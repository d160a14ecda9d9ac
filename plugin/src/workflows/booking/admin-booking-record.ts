import { MedusaError } from "@medusajs/framework/utils"
import type { BookingStatus } from "@fieldservice/contract"
import type { BookingModuleService } from "../../modules/booking"

export const BOOKING_STATUS_CHANGED = "booking.status_changed"
export const BOOKING_FIELDWORKER_ASSIGNED = "booking.fieldworker_assigned"
export const BOOKING_CUSTOMER_LINKED = "booking.customer_linked"

/** Codes on the 409 answers, so the admin can tell "assign anyway?" apart from a hard no. */
export const ASSIGNMENT_CONFLICTS = {
  outsideArea: "fieldworker_outside_area",
  busy: "fieldworker_busy",
  inactive: "fieldworker_inactive",
  closed: "booking_closed",
} as const

/** A booking as staff's workflows read it. */
export type AdminBookingRecord = {
  id: string
  booking_number: string
  customer_id: string | null
  email: string
  status: BookingStatus
  service_title: string
  starts_at: Date | string
  ends_at: Date | string
  product_id: string | null
  fieldworker_id: string | null
  order_id: string | null
  /** Set once placing the booking made its cart; with no order and "requested", the booking waits for the bank's check. */
  cart_id: string | null
  location: unknown
  location_text: string | null
  completed_at: Date | string | null
  completed_from: string | null
  cancelled_at: Date | string | null
  cancelled_by: string | null
  cancellation_reason: string | null
}

export async function findAdminBooking(bookings: BookingModuleService, id: string): Promise<AdminBookingRecord> {
  const [booking] = await bookings.listBookings({ id }, { take: 1 })
  if (!booking) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Booking ${id} was not found`)
  return booking as unknown as AdminBookingRecord
}

/** "Tue 8 Dec, 09:00–11:00" in the business's time zone. */
export function describeVisit(startsAt: Date, endsAt: Date, timeZone: string) {
  const day = new Intl.DateTimeFormat("en-GB", { timeZone, weekday: "short", day: "numeric", month: "short" }).format(startsAt)
  const time = (date: Date) => new Intl.DateTimeFormat("en-GB", { timeZone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(date)
  return `${day}, ${time(startsAt)}–${time(endsAt)}`
}

/** "booking BK-… (Window Cleaning)", as activity lines name a visit. */
export const visitName = (booking: Pick<AdminBookingRecord, "booking_number" | "service_title">) =>
  `booking ${booking.booking_number} (${booking.service_title})`
