// The schedule board: GET /admin/schedule (visits by fieldworker over a few days, also the
// fieldworker's printable day sheet) and POST /admin/bookings/:id/reschedule (staff move a visit).
import type { BookingStatus } from "./rules/statuses"

/** The longest range the board asks for at once: two weeks. */
export const SCHEDULE_MAX_DAYS = 14

/** Query of GET /admin/schedule: days as "2026-12-01" in the business's time zone, `to` included. */
export type AdminGetScheduleParams = {
  from: string
  to?: string
  /** A postcode area or district ("BS", "BS6"). */
  postcode_area?: string
  /** The service's product id. */
  service_id?: string
  /** One fieldworker's visits (their day sheet), or "none" for the unassigned ones. */
  fieldworker_id?: string
}

/** A column of the board: someone who goes out to visits. Inactive ones appear only when they still have visits. */
export type AdminScheduleFieldworker = { id: string; name: string; phone: string | null; service_areas: string[]; active: boolean }

/** One of the booking's dependents, as the day sheet names them ("Biscuit", "Dog"). */
export type AdminScheduleDependent = { id: string; name: string; type_label: string | null }

/** A visit on the board, with what the day sheet prints. */
export type AdminScheduleVisit = {
  id: string
  booking_number: string
  status: BookingStatus
  product_id: string | null
  service_title: string
  option_title: string | null
  starts_at: string
  ends_at: string
  /** The end of the arrival window; null for visits booked without one. */
  window_ends_at: string | null
  postcode: string | null
  address: string | null
  customer_id: string | null
  customer_name: string | null
  contact_name: string | null
  contact_phone: string | null
  instructions: string | null
  dependents: AdminScheduleDependent[]
  /** Null: nobody is assigned yet. */
  fieldworker_id: string | null
}

/** A service offered for the filter. */
export type AdminScheduleService = { id: string; title: string }

export type AdminScheduleResponse = {
  from: string
  to: string
  time_zone: string
  fieldworkers: AdminScheduleFieldworker[]
  services: AdminScheduleService[]
  /** Earliest first; cancelled visits are left out (their place is free again). */
  visits: AdminScheduleVisit[]
}

/** Body of POST /admin/bookings/:id/reschedule: one of the service's free arrival windows. */
export type AdminRescheduleBooking = { starts_at: string }

/** GET /admin/bookings/:id/free-windows: the windows the visit could move to, in the range asked. */
export type AdminFreeWindow = { starts_at: string; ends_at: string; remaining: number }
export type AdminFreeWindowsResponse = { windows: AdminFreeWindow[]; time_zone: string }
