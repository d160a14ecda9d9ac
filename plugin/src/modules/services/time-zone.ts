/** Wall-clock times in the business's time zone, without a date library. */

export type LocalDate = { year: number; month: number; day: number }

function partsIn(date: Date, timeZone: string) {
  const parts = new Intl.DateTimeFormat("en-GB", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(date)
  const get = (type: string) => Number(parts.find((part) => part.type === type)?.value)
  return { year: get("year"), month: get("month"), day: get("day"), hour: get("hour"), minute: get("minute"), second: get("second") }
}

/** How far the zone is ahead of UTC at that instant, in milliseconds. */
function offsetAt(date: Date, timeZone: string): number {
  const p = partsIn(date, timeZone)
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second)
  return asUtc - Math.floor(date.getTime() / 1000) * 1000
}

/** The instant a wall-clock time happens in the zone (for a time skipped by DST, the hour after). */
export function zonedTime(date: LocalDate, minutesFromMidnight: number, timeZone: string): Date {
  const wall = Date.UTC(date.year, date.month - 1, date.day, 0, minutesFromMidnight)
  let instant = wall - offsetAt(new Date(wall), timeZone)
  // Once more at the found instant: the offset differs when a DST change lies in between.
  instant = wall - offsetAt(new Date(instant), timeZone)
  return new Date(instant)
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

/** "Tuesday 24 November 2026, arriving between 10:00 and 12:00", in the business's time zone. */
export function describeArrivalWindow(startsAt: Date, endsAt: Date, timeZone: string): string {
  const day = new Intl.DateTimeFormat("en-GB", { timeZone, weekday: "long", day: "numeric", month: "long", year: "numeric" }).format(startsAt)
  const time = (date: Date) => new Intl.DateTimeFormat("en-GB", { timeZone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(date)
  return `${day}, arriving between ${time(startsAt)} and ${time(endsAt)}`
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
