import {
  type BookingSeriesDate,
  type BookingSeriesVisit,
  frequencyText,
  SERIES_HORIZON_WEEKS,
  type StoreBookingSeries,
  type StoreBookingSeriesDetail,
} from "@fieldservice/contract"
import type { MedusaContainer } from "@medusajs/framework/types"
import { BOOKING_MODULE, type BookingModuleService } from "../modules/booking"
import {
  BOOKING_SERIES_MODULE,
  type BookingSeriesModuleService,
  inPause,
  isoDate,
  occurrenceDates,
  occurrenceStart,
  type SeriesRecord,
} from "../modules/booking-series"
import { addDays, localDateOf } from "../modules/services/time-zone"
import { isoDateOrNull, isoDate as isoInstant } from "../utils/json-dates"

type BookingRow = Awaited<ReturnType<BookingModuleService["listBookings"]>>[number]

function visitOf(series: SeriesRecord, booking: BookingRow): BookingSeriesVisit {
  const location = (booking.location ?? {}) as { window_ends_at?: string | null }
  const usual = occurrenceStart(booking.occurrence as string, series.start_time, series.time_zone)
  return {
    id: booking.id,
    booking_number: booking.booking_number,
    occurrence: booking.occurrence as string,
    status: booking.status,
    starts_at: isoInstant(booking.starts_at),
    ends_at: isoInstant(booking.ends_at),
    window_ends_at: location.window_ends_at ?? null,
    moved: new Date(booking.starts_at).getTime() !== usual.getTime(),
  }
}

function presentSeries(series: SeriesRecord, visits: BookingSeriesVisit[], now: Date): StoreBookingSeries {
  const today = isoDate(localDateOf(now, series.time_zone))
  const pauses = series.pauses ?? []
  return {
    id: series.id,
    status: series.status,
    paused_now: series.status === "active" && inPause(today, pauses),
    frequency: series.frequency,
    frequency_text: frequencyText(series.frequency, series.starts_on),
    rule: series.rule,
    starts_on: series.starts_on,
    start_time: series.start_time,
    time_zone: series.time_zone,
    until: series.until ?? null,
    count: series.count ?? null,
    pauses,
    skipped: (series.skipped as string[]) ?? [],
    product_id: series.product_id,
    variant_id: series.variant_id,
    service_title: series.service_title,
    option_title: series.option_title ?? null,
    address_id: series.address_id,
    location_text: series.location_text ?? null,
    created_by: series.created_by,
    previous_series_id: series.previous_series_id ?? null,
    ended_at: isoDateOrNull(series.ended_at),
    end_reason: series.end_reason ?? null,
    created_at: isoInstant(series.created_at),
    next_visits: visits,
  }
}

/** The upcoming open visits of these series, soonest first, grouped by series. */
async function upcomingVisits(container: MedusaContainer, series: SeriesRecord[], now: Date) {
  const bookings: BookingModuleService = container.resolve(BOOKING_MODULE)
  const bySeries = new Map<string, BookingSeriesVisit[]>(series.map((s) => [s.id, []]))
  if (!series.length) return bySeries
  const rows = await bookings.listBookings(
    { series_id: series.map((s) => s.id), status: ["requested", "confirmed"], starts_at: { $gt: now } },
    { order: { starts_at: "ASC" } }
  )
  const byId = new Map(series.map((s) => [s.id, s]))
  for (const row of rows) bySeries.get(row.series_id as string)?.push(visitOf(byId.get(row.series_id as string)!, row))
  return bySeries
}

/** The customer's repeat visits, newest first, each with its next 3 visits. */
export async function listCustomerSeries(container: MedusaContainer, customerId: string, now = new Date()): Promise<StoreBookingSeries[]> {
  const seriesModule: BookingSeriesModuleService = container.resolve(BOOKING_SERIES_MODULE)
  const list = (await seriesModule.listBookingSeries({ customer_id: customerId }, { order: { created_at: "DESC" }, take: 100 })) as unknown as SeriesRecord[]
  const visits = await upcomingVisits(container, list, now)
  return list.map((series) => presentSeries(series, (visits.get(series.id) ?? []).slice(0, 3), now))
}

/** One series of the customer's (null when it is anyone else's), with every date from today to the horizon. */
export async function loadCustomerSeries(
  container: MedusaContainer,
  customerId: string,
  id: string,
  now = new Date()
): Promise<StoreBookingSeriesDetail | null> {
  const seriesModule: BookingSeriesModuleService = container.resolve(BOOKING_SERIES_MODULE)
  const series = await seriesModule.findOwnSeries(customerId, id)
  if (!series) return null
  const bookings: BookingModuleService = container.resolve(BOOKING_MODULE)
  const visits = (await upcomingVisits(container, [series], now)).get(series.id) ?? []
  const today = localDateOf(now, series.time_zone)
  const horizon = isoDate(addDays(today, SERIES_HORIZON_WEEKS * 7))
  const ruleDates = series.status === "active" ? occurrenceDates(series, isoDate(today), horizon) : []
  const rows = ruleDates.length ? await bookings.listBookings({ series_id: series.id, occurrence: ruleDates }, { order: { created_at: "ASC" } }) : []
  const skipped = new Set((series.skipped as string[]) ?? [])
  const dates: BookingSeriesDate[] = ruleDates.map((date) => {
    const booked = rows.filter((row) => row.occurrence === date)
    const open = booked.find((row) => row.status !== "cancelled")
    if (open) return { date, state: "booked", booking: visitOf(series, open) }
    if (skipped.has(date)) return { date, state: "skipped", booking: null }
    if (inPause(date, series.pauses ?? [])) return { date, state: "paused", booking: null }
    if (booked.length) return { date, state: "cancelled", booking: visitOf(series, booked[booked.length - 1]) }
    return { date, state: "later", booking: null }
  })
  return { ...presentSeries(series, visits, now), dates }
}
