import { type SeriesFrequency, weekdayOrdinal } from "@fieldservice/contract"
import { RRule, rrulestr } from "rrule"
import { readLocalDate } from "../services/availability"
import { addDays, type LocalDate, weekdayOf, zonedTime } from "../services/time-zone"

/**
 * Recurrence with RFC 5545 rules (the `rrule` package), in floating local time: the rule is
 * expanded over calendar dates only, and each date is then put at the series' local start time in
 * the business's time zone. So a weekly 09:00 visit stays at 09:00 when the clocks change, which
 * expanding a UTC instant would not do (it would drift to 08:00 or 10:00).
 */

const BYDAY = [RRule.MO, RRule.TU, RRule.WE, RRule.TH, RRule.FR, RRule.SA, RRule.SU]

/** "2026-03-31" → { year, month, day }; throws on anything that is not a real date (callers check first). */
export function localDate(value: string): LocalDate {
  const date = readLocalDate(value)
  if (!date) throw new Error(`Not a date: ${value}`)
  return date
}

export const isoDate = (date: LocalDate) => `${String(date.year).padStart(4, "0")}-${String(date.month).padStart(2, "0")}-${String(date.day).padStart(2, "0")}`

/** Midnight of the date as a "floating" UTC instant, the way rrule reads dates without a time zone. */
const floating = (date: LocalDate) => new Date(Date.UTC(date.year, date.month - 1, date.day))
const fromFloating = (date: Date): LocalDate => ({ year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() })

/**
 * The RFC 5545 rule (the RRULE value, without DTSTART) for a frequency starting on `startsOn`.
 * Monthly on the 29th–31st falls on the month's last day in shorter months (BYMONTHDAY=28..d with
 * BYSETPOS=-1) rather than skipping them, as RFC 5545's plain BYMONTHDAY=31 would; monthly by
 * weekday takes the ordinal of the first visit ("second Tuesday"), a fifth one read as "last".
 */
export function ruleFor(frequency: SeriesFrequency, startsOn: LocalDate): string {
  const weekday = BYDAY[weekdayOf(startsOn) - 1]
  switch (frequency) {
    case "weekly":
    case "every_2_weeks":
    case "every_3_weeks":
    case "every_4_weeks": {
      const interval = frequency === "weekly" ? 1 : Number(frequency.split("_")[1])
      return RRule.optionsToString({ freq: RRule.WEEKLY, ...(interval > 1 ? { interval } : {}), byweekday: [weekday] }).replace(/^RRULE:/, "")
    }
    case "monthly_by_date":
      if (startsOn.day <= 28) return RRule.optionsToString({ freq: RRule.MONTHLY, bymonthday: [startsOn.day] }).replace(/^RRULE:/, "")
      return RRule.optionsToString({
        freq: RRule.MONTHLY,
        bymonthday: Array.from({ length: startsOn.day - 27 }, (_, i) => 28 + i),
        bysetpos: [-1],
      }).replace(/^RRULE:/, "")
    case "monthly_by_weekday":
      return RRule.optionsToString({ freq: RRule.MONTHLY, byweekday: [weekday.nth(weekdayOrdinal(startsOn.day))] }).replace(/^RRULE:/, "")
  }
}

export type SeriesRule = {
  /** The RRULE value, e.g. "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU". */
  rule: string
  starts_on: string
  /** The last date a visit may fall on (inclusive), or null. */
  until: string | null
  /** How many visits in all, or null. */
  count: number | null
}

function ruleOf(series: SeriesRule): RRule {
  const parsed = rrulestr(`RRULE:${series.rule}`, { dtstart: floating(localDate(series.starts_on)) }) as RRule
  return new RRule({
    ...parsed.origOptions,
    dtstart: floating(localDate(series.starts_on)),
    until: series.until ? new Date(floating(localDate(series.until)).getTime() + 86_399_000) : null,
    count: series.count ?? null,
  })
}

const DAY = 86_400_000
const dayNumber = (date: string) => floating(localDate(date)).getTime() / DAY

/**
 * The dates of a weekly rule on its first visit's weekday without a count (what ruleFor makes
 * for weekly to every-4-weeks series): every n weeks from the first visit, counted without
 * expanding the rule (rrule rebuilds its tables for each call, a third of a millisecond a series
 * in the rolling job). Null for any other rule.
 */
function weeklyDates(series: SeriesRule, from: string, to: string): string[] | null {
  const match = /^FREQ=WEEKLY;(?:INTERVAL=(\d+);)?BYDAY=(MO|TU|WE|TH|FR|SA|SU)$/.exec(series.rule)
  if (!match || (series.count ?? null) !== null || BYDAY[weekdayOf(localDate(series.starts_on)) - 1].toString() !== match[2]) return null
  const step = 7 * Number(match[1] ?? 1)
  const first = dayNumber(series.starts_on)
  const last = Math.min(dayNumber(to), series.until ? dayNumber(series.until) : Infinity)
  const dates: string[] = []
  for (let day = first + Math.max(0, Math.ceil((dayNumber(from) - first) / step)) * step; day <= last; day += step) {
    dates.push(isoDate(fromFloating(new Date(day * DAY))))
  }
  return dates
}

/** The visit dates (YYYY-MM-DD) of the series from `from` to `to`, both included. */
export function occurrenceDates(series: SeriesRule, from: string, to: string): string[] {
  if (to < from) return []
  const weekly = weeklyDates(series, from, to)
  if (weekly) return weekly
  return ruleOf(series)
    .between(floating(localDate(from)), new Date(floating(localDate(to)).getTime() + 86_399_000), true)
    .map((date) => isoDate(fromFloating(date)))
}

/** The series' last visit date, or null when it has no end. */
export function lastOccurrence(series: SeriesRule): string | null {
  if (!series.until && !series.count) return null
  const all = ruleOf(series).all((_, index) => index < 10_000)
  return all.length ? isoDate(fromFloating(all[all.length - 1])) : null
}

/** The first visit date on or after `from`, or null when the series has none left. */
export function nextOccurrence(series: SeriesRule, from: string): string | null {
  const next = ruleOf(series).after(floating(localDate(from)), true)
  return next ? isoDate(fromFloating(next)) : null
}

/** When a visit on that date at `startTime` ("09:00") begins, in the business's time zone. */
export function occurrenceStart(date: string, startTime: string, timeZone: string): Date {
  const [hours, minutes] = startTime.split(":").map(Number)
  return zonedTime(localDate(date), hours * 60 + minutes, timeZone)
}

/** The fewest days between two visits of the rule, over its first year (a rule repeats within one). */
export function shortestGapDays(series: Pick<SeriesRule, "rule" | "starts_on">): number {
  const start = localDate(series.starts_on)
  const dates = occurrenceDates({ ...series, until: null, count: null }, series.starts_on, isoDate(addDays(start, 366))).map(
    (date) => floating(localDate(date)).getTime() / 86_400_000
  )
  let shortest = Infinity
  for (let i = 1; i < dates.length; i++) shortest = Math.min(shortest, dates[i] - dates[i - 1])
  return shortest
}

/** Whether the date falls in one of the paused periods (each from–to, both included). */
export function inPause(date: string, pauses: { from: string; to: string }[]): boolean {
  return pauses.some((pause) => pause.from <= date && date <= pause.to)
}
