import { frequencyText, type SeriesFrequency } from "@fieldservice/contract"
import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { BOOKING_MODULE, type BookingModuleService } from "../../modules/booking"
import { BOOKING_SERIES_MODULE, type BookingSeriesModuleService, isoDate, localDate, occurrenceDates, type SeriesRecord } from "../../modules/booking-series"
import { addDays, localDateOf } from "../../modules/services/time-zone"
import type { ActivityActor } from "../customer-profile/activity"
import { rescheduleBookingWorkflow } from "../booking/reschedule-booking"
import { staffRescheduleBookingWorkflow } from "../booking/staff-reschedule-booking"
import { placeVisit } from "./book-series-visits"
import { createBookingSeriesWorkflow } from "./create-booking-series"
import { seriesName } from "./series-activity"
import { cancelVisits, checkCustomerCutoff, emitSeriesChange, openVisits } from "./series-change"

/**
 * The changes to a running series (skip or move one visit, pause, end, change from a date on),
 * for the customer (the single bookings' cut-offs apply, the office is emailed) and for staff
 * (no cut-off, the customer is emailed). Each visit touched goes through the single bookings'
 * own workflows (cancel, reschedule, place), so windows and orders stay as for one booking.
 */
export type SeriesChanger = { by: "customer" | "staff"; actor: ActivityActor | null; now?: Date }

const invalid = (message: string) => new MedusaError(MedusaError.Types.INVALID_DATA, message)
const conflict = (message: string) => new MedusaError(MedusaError.Types.CONFLICT, message)

function today(series: SeriesRecord, now: Date) {
  return isoDate(localDateOf(now, series.time_zone))
}

function checkActive(series: SeriesRecord) {
  if (series.status !== "active") throw conflict("These repeat visits have ended, so they can't be changed. Book again to start new ones.")
}

/** A date of the series (not skipped, not past). */
function checkVisitDate(series: SeriesRecord, date: string, now: Date) {
  if (date < today(series, now)) throw invalid(`${date} has already passed. Choose one of the visits to come.`)
  if (!occurrenceDates(series, date, date).length) throw invalid(`There's no visit on ${date} in these repeat visits. Choose one of the dates listed.`)
  if (((series.skipped as string[]) ?? []).includes(date)) throw conflict(`The visit on ${date} is already skipped.`)
}

async function seriesOf(container: MedusaContainer, id: string) {
  const seriesModule: BookingSeriesModuleService = container.resolve(BOOKING_SERIES_MODULE)
  return seriesModule.retrieveSeries(id)
}

/** Skip one visit: cancelled if it is booked, and never booked if it is not yet. */
export async function skipSeriesVisit(container: MedusaContainer, series: SeriesRecord, date: string, who: SeriesChanger) {
  const now = who.now ?? new Date()
  checkActive(series)
  checkVisitDate(series, date, now)
  const visits = await openVisits(container, series.id, date, date)
  if (who.by === "customer") await checkCustomerCutoff(container, visits, now)
  const seriesModule: BookingSeriesModuleService = container.resolve(BOOKING_SERIES_MODULE)
  await seriesModule.updateBookingSeries({ id: series.id, skipped: [...((series.skipped as string[]) ?? []), date] })
  await cancelVisits(container, visits, { cancelled_by: who.by, reason: "Skipped (repeat visits)", actor: who.actor })
  await emitSeriesChange(container, series, {
    kind: "visit_skipped",
    summary: `Repeat visits (${series.service_title}): the visit on ${date} is skipped.`,
    ...who,
  })
  return seriesOf(container, series.id)
}

/** Move one booked visit to another free window, as a single booking moves (cut-off, capacity, the office emailed). */
export async function moveSeriesVisit(container: MedusaContainer, series: SeriesRecord, date: string, startsAt: string, who: SeriesChanger) {
  checkActive(series)
  const bookings: BookingModuleService = container.resolve(BOOKING_MODULE)
  const [visit] = await bookings.listBookings({ series_id: series.id, occurrence: date, status: ["requested", "confirmed"] }, { take: 1 })
  if (!visit) throw invalid(`There's no booked visit on ${date} to move. Visits are booked up to 8 weeks ahead: choose one of those listed.`)
  if (who.by === "customer") {
    await rescheduleBookingWorkflow(container).run({ input: { customer_id: series.customer_id, booking_id: visit.id, starts_at: startsAt } })
  } else {
    await staffRescheduleBookingWorkflow(container).run({ input: { booking_id: visit.id, starts_at: startsAt, actor: who.actor ?? { type: "system" } } })
  }
  return visit.id
}

/** Pause from one date to another (both included): the visits in between are cancelled and none are booked. */
export async function pauseSeries(container: MedusaContainer, series: SeriesRecord, period: { from: string; to: string }, who: SeriesChanger) {
  const now = who.now ?? new Date()
  checkActive(series)
  if (period.from < today(series, now)) throw invalid("A pause can't start in the past. Choose today or a later date.")
  if (period.to < period.from) throw invalid("A pause can't end before it starts. Choose a later end date.")
  if (period.to > isoDate(addDays(localDate(period.from), 366))) throw invalid("A pause can last at most a year. End the repeat visits instead.")
  const visits = await openVisits(container, series.id, period.from, period.to)
  if (who.by === "customer") await checkCustomerCutoff(container, visits, now)
  const seriesModule: BookingSeriesModuleService = container.resolve(BOOKING_SERIES_MODULE)
  await seriesModule.updateBookingSeries({ id: series.id, pauses: [...(series.pauses ?? []), period] as unknown as Record<string, unknown> })
  const cancelled = await cancelVisits(container, visits, { cancelled_by: who.by, reason: `Paused until ${period.to} (repeat visits)`, actor: who.actor })
  await emitSeriesChange(container, series, {
    kind: "paused",
    summary: `Repeat visits (${series.service_title}) paused from ${period.from} to ${period.to}${cancelled ? `: ${cancelled} visit${cancelled === 1 ? "" : "s"} cancelled` : ""}.`,
    ...who,
  })
  return seriesOf(container, series.id)
}

/** No more visits from a date on (today when not given): those booked from then are cancelled. */
export async function endSeries(container: MedusaContainer, series: SeriesRecord, from: string | null, who: SeriesChanger) {
  const now = who.now ?? new Date()
  checkActive(series)
  const start = from ?? today(series, now)
  if (start < today(series, now)) throw invalid("The visits can't end in the past. Choose today or a later date.")
  const visits = await openVisits(container, series.id, start)
  if (who.by === "customer") await checkCustomerCutoff(container, visits, now)
  const until = isoDate(addDays(localDate(start), -1))
  const seriesModule: BookingSeriesModuleService = container.resolve(BOOKING_SERIES_MODULE)
  await seriesModule.updateBookingSeries({
    id: series.id,
    status: "ended",
    until: until < series.starts_on ? series.starts_on : until,
    ended_at: now,
    ended_by: who.by,
  })
  const cancelled = await cancelVisits(container, visits, { cancelled_by: who.by, reason: "Repeat visits ended", actor: who.actor })
  await emitSeriesChange(container, series, {
    kind: "ended",
    summary: `Repeat visits (${series.service_title}) ended: no visits from ${start}${cancelled ? ` (${cancelled} cancelled)` : ""}.`,
    ...who,
  })
  return seriesOf(container, series.id)
}

export type SeriesChange = { from: string; starts_at: string; frequency?: SeriesFrequency; variant_id?: string }

/**
 * Change time, frequency or the service's option from a date on: the series ends the day before,
 * its visits from then are cancelled, and a new series continues from the new first visit
 * (`starts_at`, on or after `from`). If the new first visit can't be booked, the old visits are
 * booked again and nothing else changes.
 */
export async function changeSeries(container: MedusaContainer, series: SeriesRecord, change: SeriesChange, who: SeriesChanger) {
  const now = who.now ?? new Date()
  checkActive(series)
  if (change.from < today(series, now)) throw invalid("A change can't start in the past. Choose today or a later date.")
  if (change.from < series.starts_on) throw invalid(`These repeat visits start on ${series.starts_on}: choose a date from then on.`)
  if (isoDate(localDateOf(new Date(change.starts_at), series.time_zone)) < change.from) {
    throw invalid(`The first visit after the change must be on or after ${change.from}.`)
  }
  const visits = await openVisits(container, series.id, change.from)
  if (who.by === "customer") await checkCustomerCutoff(container, visits, now)
  const before = isoDate(addDays(localDate(change.from), -1))
  const done = before >= series.starts_on ? occurrenceDates(series, series.starts_on, before).length : 0
  const count = series.count ? series.count - done : null
  if (count !== null && count < 1) throw invalid("These repeat visits have no visits left after that date.")

  await cancelVisits(container, visits, { cancelled_by: who.by, reason: `Repeat visits changed from ${change.from}`, actor: who.actor })
  const seriesModule: BookingSeriesModuleService = container.resolve(BOOKING_SERIES_MODULE)
  try {
    const { result } = await createBookingSeriesWorkflow(container).run({
      input: {
        customer_id: series.customer_id,
        sales_channel_id: series.sales_channel_id,
        service_id: series.product_id,
        variant_id: change.variant_id ?? series.variant_id,
        starts_at: change.starts_at,
        frequency: change.frequency ?? series.frequency,
        until: series.until,
        count,
        location: { address_id: series.address_id },
        contact: (series.contact as { name?: string | null; email?: string | null; phone?: string | null } | null) ?? undefined,
        business_profile_id: series.business_profile_id,
        additional_contact_id: series.additional_contact_id,
        dependent_ids: (series.dependent_ids as string[]) ?? [],
        instructions: series.instructions,
        by: who.by,
        actor: who.actor,
        now: now.toISOString(),
        previous_series_id: series.id,
      },
    })
    await seriesModule.updateBookingSeries({
      id: series.id,
      status: "ended",
      until: before < series.starts_on ? series.starts_on : before,
      ended_at: now,
      ended_by: who.by,
      end_reason: `changed from ${change.from}`,
    })
    const next = result.series
    await emitSeriesChange(container, series, {
      kind: "changed",
      summary: `Repeat visits changed from ${change.from}: now ${seriesName(next)}${next.option_title ? ` (${next.option_title})` : ""}, ${frequencyText(next.frequency, next.starts_on).toLowerCase()}.`,
      ...who,
    })
    return next
  } catch (error) {
    // The new first visit couldn't be booked: the old visits go back (new bookings of the same dates and times).
    for (const visit of visits) await placeVisit(container, series, visit.occurrence as string, new Date(visit.starts_at))
    throw error
  }
}
