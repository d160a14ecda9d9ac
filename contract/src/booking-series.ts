// Repeat visits: the customer's, /store/customers/me/booking-series[/:id[/skip|/move|/change|/pause|/end]],
// and staff's, /admin/customers/:id/booking-series[/:series_id[/skip|/move|/change|/pause|/end]] (the same bodies and answers).
import type { StoreCreateBooking } from "./bookings"
import type { BookingStatus } from "./rules/statuses"
import type { SeriesFrequency, SeriesStatus } from "./rules/recurrence"

/** When the visits end: on a date (the last date a visit may fall on) or after a number of visits; neither: no end. */
export type SeriesEnds = { until?: string | null; count?: number | null }

/** Body of POST /store/customers/me/booking-series: the first visit as a booking, and how often it repeats (paid on the day). */
export type StoreCreateBookingSeries = Omit<StoreCreateBooking, "saved_card_id"> & SeriesEnds & { frequency: SeriesFrequency }

/** One date of the series from today to the booking horizon, and what is there. */
export type BookingSeriesDate = {
  /** The rule's date (YYYY-MM-DD). */
  date: string
  /** booked: a visit (maybe moved to another time); skipped; paused; cancelled (the visit was cancelled); later: not booked yet. */
  state: "booked" | "skipped" | "paused" | "cancelled" | "later"
  booking: BookingSeriesVisit | null
}

export type BookingSeriesVisit = {
  id: string
  booking_number: string
  occurrence: string
  status: BookingStatus
  starts_at: string
  ends_at: string
  window_ends_at: string | null
  /** Not at the series' usual time (the customer or staff moved it, or its usual window was full). */
  moved: boolean
}

export type StoreBookingSeries = {
  id: string
  status: SeriesStatus
  /** Today falls in one of the paused periods. */
  paused_now: boolean
  frequency: SeriesFrequency
  /** "Every 2 weeks on Tuesday". */
  frequency_text: string
  /** The RFC 5545 rule (RRULE value). */
  rule: string
  starts_on: string
  /** Local arrival time of every visit ("09:00"), in `time_zone`. */
  start_time: string
  time_zone: string
  until: string | null
  count: number | null
  pauses: { from: string; to: string }[]
  skipped: string[]
  product_id: string
  variant_id: string
  service_title: string
  option_title: string | null
  address_id: string
  location_text: string | null
  created_by: string
  previous_series_id: string | null
  ended_at: string | null
  end_reason: string | null
  created_at: string
  /** The next booked visits, soonest first (at most 3 in lists; all up to the horizon on the series' page). */
  next_visits: BookingSeriesVisit[]
}

/** GET /store/customers/me/booking-series/:id: the series and each of its dates up to the horizon. */
export type StoreBookingSeriesDetail = StoreBookingSeries & { dates: BookingSeriesDate[] }

export type StoreBookingSeriesListResponse = { booking_series: StoreBookingSeries[] }
export type StoreBookingSeriesResponse = { booking_series: StoreBookingSeriesDetail }

/** POST /store/customers/me/booking-series/:id/skip */
export type StoreSkipSeriesVisit = { date: string }
/** POST /store/customers/me/booking-series/:id/move: one booked visit to another free window. */
export type StoreMoveSeriesVisit = { date: string; starts_at: string }
/** POST /store/customers/me/booking-series/:id/change: from a date on, a new time (the first visit then), frequency or option. */
export type StoreChangeBookingSeries = { from: string; starts_at: string; frequency?: SeriesFrequency; variant_id?: string }
/** POST /store/customers/me/booking-series/:id/pause: no visits from `from` to `to` (both included). */
export type StorePauseBookingSeries = { from: string; to: string }
/** POST /store/customers/me/booking-series/:id/end: no visits from `from` (today when left out). */
export type StoreEndBookingSeries = { from?: string | null }

export type AdminBookingSeriesListResponse = StoreBookingSeriesListResponse
export type AdminBookingSeriesResponse = StoreBookingSeriesResponse
