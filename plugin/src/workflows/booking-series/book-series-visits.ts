import { SERIES_HORIZON_WEEKS, SERIES_NEAREST_WINDOW_DAYS } from "@fieldservice/contract"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { BOOKING_MODULE, type BookingModuleService } from "../../modules/booking"
import {
  BOOKING_SERIES_MODULE,
  type BookingSeriesModuleService,
  inPause,
  isoDate,
  localDate,
  occurrenceDates,
  occurrenceStart,
  type SeriesRecord,
} from "../../modules/booking-series"
import { SERVICES_MODULE, type ServicesModuleService } from "../../modules/services"
import { addDays, describeArrivalWindow, type LocalDate, localDateOf, zonedTime } from "../../modules/services/time-zone"
import { placeBookingWorkflow } from "../booking/place-booking"
import { endSeriesForAccount } from "./end-series-for-account"
import { emitSeriesChange } from "./series-change"
import { bookVisitsInSets, type DueVisit, readSeriesCustomers, visitKey } from "./series-visits-in-sets"
import type { SeriesVisitTemplate } from "./steps/series-visit-writes"

export type BookSeriesVisitsResult = { series: number; booked: number; rebooked: number; missed: number; ended: number }

type Placed = { outcome: "booked"; booking_id: string } | { outcome: "exists" } | { outcome: "refused"; message: string }

/** Books one visit of the series through place-booking (capacity, cart → order, paid on the day); "exists" when the date already has its booking. */
export async function placeVisit(container: MedusaContainer, series: SeriesRecord, occurrence: string, startsAt: Date): Promise<Placed> {
  const bookings: BookingModuleService = container.resolve(BOOKING_MODULE)
  try {
    const { result } = await placeBookingWorkflow(container).run({
      input: {
        customer_id: series.customer_id,
        sales_channel_id: series.sales_channel_id,
        service_id: series.product_id,
        variant_id: series.variant_id,
        starts_at: startsAt.toISOString(),
        location: { address_id: series.address_id },
        contact: (series.contact as { name?: string | null; email?: string | null; phone?: string | null } | null) ?? undefined,
        business_profile_id: series.business_profile_id,
        additional_contact_id: series.additional_contact_id,
        dependent_ids: (series.dependent_ids as string[]) ?? [],
        instructions: series.instructions,
        // The office's booking rules (no lead time, a year ahead): the series was agreed, this is only its next visit.
        by: "staff",
        actor: { type: "system" },
        series: { id: series.id, occurrence },
      },
    })
    return { outcome: "booked", booking_id: result.booking.id }
  } catch (error) {
    // Another run (or one killed half-way) booked this date already: the unique (series, date) index refused a second.
    const [existing] = await bookings.listBookings({ series_id: series.id, occurrence, status: { $ne: "cancelled" } }, { take: 1, select: ["id"] })
    if (existing) return { outcome: "exists" }
    if (MedusaError.isMedusaError(error)) return { outcome: "refused", message: (error as Error).message }
    throw error
  }
}

/**
 * Books the visits of active series up to SERIES_HORIZON_WEEKS ahead of `now`, a page of series
 * at a time. The common case (the usual window has room) is booked in sets (bookVisitsInSets:
 * the single bookings' capacity rule, one statement per window, the price and tax of a visit
 * placed through place-booking); the rest go one by one through place-booking: a visit whose
 * usual window is full (or no longer offered) goes to the nearest free window within
 * SERIES_NEAREST_WINDOW_DAYS days, and the customer and the office are told; one with none is
 * left out, and they are told too. Idempotent: a date that has its booking is never booked
 * again (unique per series and date), so a run killed half-way is simply run again. Series of
 * customers archived or blocked meanwhile are ended and their future visits cancelled, never charged.
 */
export async function bookSeriesVisits(container: MedusaContainer, options: { now?: Date; series_ids?: string[] } = {}): Promise<BookSeriesVisitsResult> {
  const now = options.now ?? new Date()
  const seriesModule: BookingSeriesModuleService = container.resolve(BOOKING_SERIES_MODULE)
  const result: BookSeriesVisitsResult = { series: 0, booked: 0, rebooked: 0, missed: 0, ended: 0 }
  const PAGE = 500
  const templates = new Map<string, SeriesVisitTemplate>()
  let lastId = ""
  for (;;) {
    const ids: Record<string, unknown> = options.series_ids ? { $in: options.series_ids } : {}
    if (lastId) ids.$gt = lastId
    const filters = { status: "active" as const, ...(Object.keys(ids).length ? { id: ids } : {}) }
    const page = (await seriesModule.listBookingSeries(filters as never, { take: PAGE, order: { id: "ASC" } })) as unknown as SeriesRecord[]
    if (page.length) await extendPage(container, page, now, result, templates)
    if (page.length < PAGE) break
    lastId = page[page.length - 1].id
  }
  return result
}

/** The function's results kept by its arguments. */
function memo<A extends string[], R>(work: (...args: A) => R): (...args: A) => R {
  const results = new Map<string, R>()
  return (...args: A) => {
    const key = args.join("|")
    if (!results.has(key)) results.set(key, work(...args))
    return results.get(key)!
  }
}

type Plan = { series: SeriesRecord; horizon: string; dates: string[] }

/** The dates a series still needs up to the horizon (skipped and paused ones left out); null when it is booked that far. */
function planSeries(series: SeriesRecord, today: LocalDate): Plan | null {
  const horizon = isoDate(addDays(today, SERIES_HORIZON_WEEKS * 7))
  const from = series.booked_until && series.booked_until >= isoDate(today) ? isoDate(addDays(localDate(series.booked_until), 1)) : isoDate(today)
  if (from > horizon) return null
  const skipped = new Set((series.skipped as string[]) ?? [])
  const dates = occurrenceDates(series, from, horizon).filter((date) => !skipped.has(date) && !inPause(date, series.pauses ?? []))
  return { series, horizon, dates }
}

/** One page of series: account states, dates already booked and the visits in sets read and written per page. */
async function extendPage(
  container: MedusaContainer,
  page: SeriesRecord[],
  now: Date,
  result: BookSeriesVisitsResult,
  templates: Map<string, SeriesVisitTemplate>
) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  // Series share zones, dates and start times: each is worked out once a page (time zone arithmetic is slow).
  const todayIn = memo((zone: string) => localDateOf(now, zone))
  const startOf = memo((date: string, time: string, zone: string) => occurrenceStart(date, time, zone).getTime())
  const customers = await readSeriesCustomers(container, [...new Set(page.map((series) => series.customer_id))])
  const plans: Plan[] = []
  for (const series of page) {
    result.series++
    // As customerAccountState: no profile is active, no customer (deleted) is "deleted".
    const customer = customers.get(series.customer_id)
    const status = customer ? (customer.customer_profile?.status ?? "active") : "deleted"
    if (status !== "active") {
      try {
        await endSeriesForAccount(container, series, status as "archived", now)
        result.ended++
      } catch (error) {
        logger.error(`Repeat visits ${series.id}: ${(error as Error).message}`)
      }
      continue
    }
    const plan = planSeries(series, todayIn(series.time_zone))
    if (plan) plans.push(plan)
  }
  if (!plans.length) return
  const bookings: BookingModuleService = container.resolve(BOOKING_MODULE)
  const allDates = [...new Set(plans.flatMap((plan) => plan.dates))]
  const existing = new Set(
    allDates.length
      ? (
          await bookings.listBookings(
            { series_id: plans.map((plan) => plan.series.id), occurrence: allDates },
            { select: ["series_id", "occurrence"], take: null }
          )
        ).map((b) => visitKey(b.series_id!, b.occurrence!))
      : []
  )
  const due: DueVisit[] = plans.flatMap(({ series, dates }) =>
    dates
      .filter((date) => !existing.has(visitKey(series.id, date)))
      .map((occurrence) => ({ series, occurrence, usual: new Date(startOf(occurrence, series.start_time, series.time_zone)) }))
      .filter((visit) => visit.usual.getTime() > now.getTime())
  )
  const inSets = await bookVisitsInSets(
    container,
    due,
    now,
    customers,
    (visit) => placeVisit(container, visit.series, visit.occurrence, visit.usual),
    templates
  ).catch((error) => {
    // Anything unforeseen in the sets: every visit goes one by one (a date booked meanwhile is found there, never booked twice).
    logger.error(`Repeat visits in sets: ${(error as Error).message}`)
    return { booked: new Set<string>(), existing: new Set<string>(), refused: new Set<string>() }
  })
  result.booked += inSets.booked.size

  const extended = new Map<string, string[]>()
  const leftOf = new Map<string, DueVisit[]>()
  for (const visit of due) {
    const key = visitKey(visit.series.id, visit.occurrence)
    if (inSets.booked.has(key) || inSets.existing.has(key)) continue
    leftOf
      .set(visit.series.id, leftOf.get(visit.series.id) ?? [])
      .get(visit.series.id)!
      .push(visit)
  }
  for (const plan of plans) {
    const left = leftOf.get(plan.series.id) ?? []
    try {
      if (left.length) await bookOneByOne(container, plan.series, left, inSets.refused, now, result)
      extended
        .set(plan.horizon, extended.get(plan.horizon) ?? [])
        .get(plan.horizon)!
        .push(plan.series.id)
    } catch (error) {
      logger.error(`Repeat visits ${plan.series.id}: ${(error as Error).message}`)
    }
  }
  const seriesModule: BookingSeriesModuleService = container.resolve(BOOKING_SERIES_MODULE)
  for (const [horizon, ids] of extended) await seriesModule.setBookedUntil(ids, horizon)
}

/**
 * Today's path for what the sets didn't book: place-booking per visit, the nearest free window
 * when the usual one is full (`refused`: already tried there), and the series' messages.
 */
async function bookOneByOne(
  container: MedusaContainer,
  series: SeriesRecord,
  visits: DueVisit[],
  refused: Set<string>,
  now: Date,
  result: BookSeriesVisitsResult
) {
  const services: ServicesModuleService = container.resolve(SERVICES_MODULE)
  const tz = series.time_zone
  const rebooked: string[] = []
  const missed: string[] = []
  for (const { occurrence: date, usual } of visits) {
    if (!refused.has(visitKey(series.id, date))) {
      const placed = await placeVisit(container, series, date, usual)
      if (placed.outcome === "booked") result.booked++
      if (placed.outcome !== "refused") continue
    }
    // The usual window is full or not offered that day: the nearest free one within a few days.
    const day = localDate(date)
    const windows = await services.freeWindows(
      series.product_id,
      zonedTime(addDays(day, -SERIES_NEAREST_WINDOW_DAYS), 0, tz),
      zonedTime(addDays(day, SERIES_NEAREST_WINDOW_DAYS + 1), 0, tz),
      now,
      "staff"
    )
    windows.sort((a, b) => Math.abs(a.starts_at.getTime() - usual.getTime()) - Math.abs(b.starts_at.getTime() - usual.getTime()))
    let done = false
    for (const window of windows.slice(0, 5)) {
      const retry = await placeVisit(container, series, date, window.starts_at)
      if (retry.outcome === "refused") continue
      if (retry.outcome === "booked") {
        result.rebooked++
        rebooked.push(
          `${describeArrivalWindow(usual, usual, tz).split(", arriving")[0]} moved to ${describeArrivalWindow(window.starts_at, window.ends_at, tz)}`
        )
      }
      done = true
      break
    }
    if (!done) {
      result.missed++
      missed.push(describeArrivalWindow(usual, usual, tz).split(", arriving")[0])
    }
  }
  if (rebooked.length) {
    const summary = `Repeat visits (${series.service_title}): the usual time was full, so ${rebooked.join("; ")}.`
    await emitSeriesChange(container, series, { kind: "visits_rebooked", summary, by: "system", actor: null })
  }
  if (missed.length) {
    const summary = `Repeat visits (${series.service_title}): no free time near ${missed.join(", ")}, so ${missed.length === 1 ? "that visit isn't" : "those visits aren't"} booked. Please contact the office.`
    await emitSeriesChange(container, series, { kind: "visits_missed", summary, by: "system", actor: null })
  }
}
