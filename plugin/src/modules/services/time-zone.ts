import { BUSINESS_LOCALE } from "@fieldservice/contract"
/** Wall-clock times in the business's time zone, without a date library. */

export type LocalDate = { year: number; month: number; day: number }

/** One formatter per zone: making an Intl.DateTimeFormat costs far more than using one. */
const formatters = new Map<string, Intl.DateTimeFormat>()

function formatterFor(timeZone: string) {
  let formatter = formatters.get(timeZone)
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(BUSINESS_LOCALE, {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    })
    formatters.set(timeZone, formatter)
  }
  return formatter
}

function partsIn(date: Date, timeZone: string) {
  const parts = formatterFor(timeZone).formatToParts(date)
  const get = (type: string) => Number(parts.find((part) => part.type === type)?.value)
  return { year: get("year"), month: get("month"), day: get("day"), hour: get("hour"), minute: get("minute"), second: get("second") }
}

/** How far the zone is ahead of UTC at that instant, in milliseconds. */
function offsetAt(date: Date, timeZone: string): number {
  const p = partsIn(date, timeZone)
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second)
  return asUtc - Math.floor(date.getTime() / 1000) * 1000
}

const DAY_MS = 24 * 60 * 60 * 1000

/**
 * The instants at which a wall-clock time happens in the zone, earliest first: one on most days,
 * two in the hour repeated when the clocks go back, none in the hour skipped when they go forward.
 */
function instantsOf(date: LocalDate, minutesFromMidnight: number, timeZone: string): number[] {
  const wall = Date.UTC(date.year, date.month - 1, date.day, 0, minutesFromMidnight)
  // The zone's offsets either side of that day cover any clock change on it.
  const offsets = new Set([offsetAt(new Date(wall - DAY_MS), timeZone), offsetAt(new Date(wall + DAY_MS), timeZone)])
  return [...offsets]
    .map((offset) => wall - offset)
    .filter((instant) => wall - offsetAt(new Date(instant), timeZone) === instant)
    .sort((a, b) => a - b)
}

/**
 * The instant a wall-clock time happens in the zone: the first of the two when the clocks go back;
 * for a time skipped when they go forward, the same time on the clock before the change (so
 * 01:30 on the night London skips 01:00–02:00 is 02:30 summer time).
 */
export function zonedTime(date: LocalDate, minutesFromMidnight: number, timeZone: string): Date {
  const [first] = instantsOf(date, minutesFromMidnight, timeZone)
  if (first !== undefined) return new Date(first)
  const wall = Date.UTC(date.year, date.month - 1, date.day, 0, minutesFromMidnight)
  return new Date(wall - offsetAt(new Date(wall - DAY_MS), timeZone))
}

/** Whether the wall-clock time happens at all that day (not in the hour skipped when the clocks go forward). */
export function wallTimeExists(date: LocalDate, minutesFromMidnight: number, timeZone: string): boolean {
  return instantsOf(date, minutesFromMidnight, timeZone).length > 0
}

/** The calendar date in the zone at that instant. */
export function localDateOf(date: Date, timeZone: string): LocalDate {
  const { year, month, day } = partsIn(date, timeZone)
  return { year, month, day }
}

export function addDays(date: LocalDate, days: number): LocalDate {
  const next = new Date(Date.UTC(date.year, date.month - 1, date.day + days))
  return { year: next.getUTCFullYear(), month: next.getUTCMonth() + 1, day: next.getUTCDate() }
}

/** ISO weekday: 1 Monday … 7 Sunday. */
export function weekdayOf(date: LocalDate): number {
  const day = new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay()
  return day === 0 ? 7 : day
}

/** "08:30" → 510; null when not a time of day. */
export function minutesOf(time: string): number | null {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(time)
  if (!match) return time === "24:00" ? 24 * 60 : null
  return Number(match[1]) * 60 + Number(match[2])
}

/** describeArrivalWindow's formatters per zone (the rolling job describes thousands of visits). */
const arrivalFormats = new Map<string, { day: Intl.DateTimeFormat; time: Intl.DateTimeFormat }>()

/** "Tuesday 24 November 2026, arriving between 10:00 and 12:00", in the business's time zone. */
export function describeArrivalWindow(startsAt: Date, endsAt: Date, timeZone: string): string {
  let format = arrivalFormats.get(timeZone)
  if (!format) {
    format = {
      day: new Intl.DateTimeFormat(BUSINESS_LOCALE, { timeZone, weekday: "long", day: "numeric", month: "long", year: "numeric" }),
      time: new Intl.DateTimeFormat(BUSINESS_LOCALE, { timeZone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }),
    }
    arrivalFormats.set(timeZone, format)
  }
  return `${format.day.format(startsAt)}, arriving between ${format.time.format(startsAt)} and ${format.time.format(endsAt)}`
}

/**
 * The instant a date filter stands for: a day ("2026-12-01") is the business's whole day, so
 * "from" is its first moment and "to" the first moment of the day after; any other value is
 * read as an instant.
 */
export function dayBoundary(value: string, edge: "from" | "to", timeZone: string): Date {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return new Date(value)
  const [year, month, day] = value.split("-").map(Number)
  return zonedTime(edge === "from" ? { year, month, day } : addDays({ year, month, day }, 1), 0, timeZone)
}
