/**
 * Arrival windows at pinned "now" values (a Monday morning, a Saturday night, month ends, the
 * nights the clocks change), against a plain re-statement of the rules that walks the clock a
 * quarter of an hour at a time. Nothing here reads the machine's clock, so the outcome is the
 * same whenever the suite runs.
 */
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { availabilityRange, readLocalDate, windowsBetween, windowStartingAt, type ArrivalWindow, type ScheduleSettings } from "../availability"
import { addDays, dayBoundary, localDateOf, wallTimeExists, zonedTime, type LocalDate } from "../time-zone"
import { BUSINESS_ZONE, DST_NIGHTS_ELSEWHERE, OTHER_ZONES, PINNED_NOWS } from "./pinned-clock"

const QUARTER = 15 * 60_000
const HOUR = 3_600_000

type Local = { date: LocalDate; minutes: number; weekday: number }

const formatters = new Map<string, Intl.DateTimeFormat>()
/** The wall clock at an instant, read straight from Intl (not through the product's helpers). */
function wallClock(instant: number, zone: string): Local {
  let format = formatters.get(zone)
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      hourCycle: "h23",
      weekday: "short",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
    })
    formatters.set(zone, format)
  }
  const parts = Object.fromEntries(format.formatToParts(new Date(instant)).map((part) => [part.type, part.value]))
  const weekday = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"].indexOf(parts.weekday) + 1
  return {
    date: { year: Number(parts.year), month: Number(parts.month), day: Number(parts.day) },
    minutes: Number(parts.hour) * 60 + Number(parts.minute),
    weekday,
  }
}

const key = (local: Pick<Local, "date" | "minutes">) => `${local.date.year}-${local.date.month}-${local.date.day} ${local.minutes}`
const hhmm = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`

/**
 * The rules restated: a window starts at each opening time plus whole window lengths where the
 * visit still ends by closing time, at the first moment the clock shows that time, no sooner than
 * the lead time after now and before the horizon. Walks the clock in quarter hours (every offset,
 * opening time and length used here is a whole number of quarter hours).
 */
function expectedStarts(settings: ScheduleSettings, from: Date, to: Date, now: Date, zone: string): Map<string, number> {
  const earliest = Math.max(from.getTime(), now.getTime() + settings.lead_time_hours * HOUR)
  const latest = Math.min(to.getTime(), now.getTime() + settings.horizon_days * 24 * HOUR)
  const firstSeen = new Map<string, number>()
  if (earliest >= latest) return firstSeen
  // From a few hours before, to see the first passing of a time the clocks then repeat.
  const scanFrom = Math.floor((earliest - 3 * HOUR) / QUARTER) * QUARTER
  for (let instant = scanFrom; instant < latest; instant += QUARTER) {
    const local = wallClock(instant, zone)
    const offered = settings.working_hours.some((period) => {
      if (period.weekday !== local.weekday) return false
      const [open, close] = [period.start, period.end].map((time) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3)))
      const since = local.minutes - open
      return since >= 0 && since % settings.window_minutes === 0 && local.minutes + settings.duration_minutes <= close
    })
    if (offered && !firstSeen.has(key(local))) firstSeen.set(key(local), instant)
  }
  return new Map([...firstSeen].filter(([, instant]) => instant >= earliest && instant < latest))
}

function checkWindows(windows: ArrivalWindow[], expected: Map<string, number>, settings: ScheduleSettings, zone: string) {
  const starts = windows.map((window) => window.starts_at.getTime())
  // In order, each once.
  expect(starts).toEqual([...starts].sort((a, b) => a - b))
  expect(new Set(starts).size).toBe(starts.length)
  // Exactly the windows the rules give, at the instants they give.
  expect(new Map(windows.map((window) => [key(wallClock(window.starts_at.getTime(), zone)), window.starts_at.getTime()]))).toEqual(expected)
  for (const window of windows) {
    expect(window.ends_at.getTime()).toBeGreaterThan(window.starts_at.getTime())
    // An hour more at most, on the night the clocks go back.
    expect(window.ends_at.getTime() - window.starts_at.getTime()).toBeLessThanOrEqual((settings.window_minutes + 60) * 60_000)
  }
}

// The demo business's schedules (seeds/src/data/services.ts).
const weekdays = (start: string, end: string) => [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start, end }))
const DEMO_SCHEDULES: Record<string, ScheduleSettings> = {
  "a clean (Saturdays too)": {
    duration_minutes: 150,
    window_minutes: 120,
    capacity: 3,
    working_hours: [...weekdays("08:00", "18:00"), { weekday: 6, start: "09:00", end: "14:00" }],
    lead_time_hours: 24,
    horizon_days: 42,
  },
  "tutoring (evenings)": {
    duration_minutes: 60,
    window_minutes: 120,
    capacity: 1,
    working_hours: [...weekdays("16:00", "20:00"), { weekday: 6, start: "09:00", end: "13:00" }],
    lead_time_hours: 24,
    horizon_days: 42,
  },
  "a round-the-clock call-out, no lead time": {
    duration_minutes: 30,
    window_minutes: 30,
    capacity: 1,
    working_hours: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: "00:00", end: "24:00" })),
    lead_time_hours: 0,
    horizon_days: 3,
  },
}

describe.each(PINNED_NOWS)("arrival windows at $label", ({ now }) => {
  it.each(Object.entries(DEMO_SCHEDULES))("offers exactly the windows the rules give for %s", (_name, settings) => {
    const to = new Date(now.getTime() + settings.horizon_days * 24 * HOUR)
    const windows = windowsBetween(settings, now, to, now, BUSINESS_ZONE)
    checkWindows(windows, expectedStarts(settings, now, to, now, BUSINESS_ZONE), settings, BUSINESS_ZONE)
    // A booking for one of them (every fifth, to stay quick) is accepted as that window, and the time a moment later is not a window.
    for (const window of windows.filter((_, index) => index % 5 === 0)) {
      expect(windowStartingAt(settings, window.starts_at, now, BUSINESS_ZONE)).toEqual(window)
      expect(windowStartingAt(settings, new Date(window.starts_at.getTime() + 60_000), now, BUSINESS_ZONE)).toBeNull()
    }
  })

  it("pages of days meet end to end: no window shown twice, none missed, whatever the time of day", () => {
    const settings = DEMO_SCHEDULES["a round-the-clock call-out, no lead time"]
    const wide = { ...settings, horizon_days: 20 }
    const first = availabilityRange(null, 7, now, BUSINESS_ZONE)
    const nextDay = addDays(localDateOf(now, BUSINESS_ZONE), 7)
    const second = availabilityRange(nextDay, 7, now, BUSINESS_ZONE)
    expect(first.start).toEqual(now)
    expect(first.end).toEqual(second.start)
    // The first page ends at midnight, the start of its last day's next day, in the business's clock.
    expect(wallClock(first.end.getTime(), BUSINESS_ZONE)).toMatchObject({ date: nextDay, minutes: 0 })
    const paged = [...windowsBetween(wide, first.start, first.end, now, BUSINESS_ZONE), ...windowsBetween(wide, second.start, second.end, now, BUSINESS_ZONE)]
    const whole = windowsBetween(wide, first.start, second.end, now, BUSINESS_ZONE)
    expect(paged).toEqual(whole)
    // Each page holds only its own days.
    for (const window of windowsBetween(wide, first.start, first.end, now, BUSINESS_ZONE)) {
      expect(window.starts_at.getTime()).toBeLessThan(zonedTime(nextDay, 0, BUSINESS_ZONE).getTime())
    }
  })

  it("turns a day filter into the whole of that day in the business's clock", () => {
    const today = localDateOf(now, BUSINESS_ZONE)
    const day = `${today.year}-${String(today.month).padStart(2, "0")}-${String(today.day).padStart(2, "0")}`
    const start = dayBoundary(day, "from", BUSINESS_ZONE)
    const end = dayBoundary(day, "to", BUSINESS_ZONE)
    expect(start.getTime()).toBeLessThanOrEqual(now.getTime())
    expect(end.getTime()).toBeGreaterThan(now.getTime())
    expect(wallClock(start.getTime(), BUSINESS_ZONE)).toMatchObject({ date: today, minutes: 0 })
    expect(wallClock(start.getTime() - 60_000, BUSINESS_ZONE).date).not.toEqual(today)
    expect(wallClock(end.getTime() - 60_000, BUSINESS_ZONE).date).toEqual(today)
    // 23, 24 or 25 hours: the nights the clocks change are short and long.
    expect([23, 24, 25]).toContain((end.getTime() - start.getTime()) / HOUR)
  })
})

describe("arrival windows for any schedule, at any pinned now, in several time zones", () => {
  const quarterTime = (min: number, max: number) => fc.integer({ min: min / 15, max: max / 15 }).map((quarters) => quarters * 15)
  const period = fc
    .record({ weekday: fc.integer({ min: 1, max: 7 }), open: quarterTime(0, 23 * 60 + 45), length: quarterTime(15, 24 * 60) })
    .map(({ weekday, open, length }) => ({ weekday, start: hhmm(open), end: open + length >= 24 * 60 ? "24:00" : hhmm(open + length) }))
  const schedule: fc.Arbitrary<ScheduleSettings> = fc.record({
    duration_minutes: quarterTime(15, 6 * 60),
    window_minutes: quarterTime(15, 4 * 60),
    capacity: fc.constant(1),
    working_hours: fc.array(period, { minLength: 1, maxLength: 6 }),
    lead_time_hours: fc.integer({ min: 0, max: 72 }),
    horizon_days: fc.integer({ min: 1, max: 10 }),
  })
  const moments = [
    ...PINNED_NOWS.map(({ now }) => ({ zone: BUSINESS_ZONE, now })),
    ...DST_NIGHTS_ELSEWHERE,
    ...OTHER_ZONES.map((zone) => ({ zone, now: new Date("2026-12-31T23:59:00Z") })),
  ]

  it("offers exactly the windows the rules give, each once, in order", () => {
    fc.assert(
      fc.property(schedule, fc.constantFrom(...moments), fc.integer({ min: -2 * 24 * 4, max: 2 * 24 * 4 }), (settings, { zone, now: pinned }, quarters) => {
        // Around the pinned moment, a quarter of an hour at a time (a real clock's "now" has seconds too).
        const now = new Date(pinned.getTime() + quarters * QUARTER + 17_000)
        const to = new Date(now.getTime() + settings.horizon_days * 24 * HOUR)
        const windows = windowsBetween(settings, now, to, now, zone)
        checkWindows(windows, expectedStarts(settings, now, to, now, zone), settings, zone)
      }),
      { numRuns: 150 }
    )
  })

  it("finds every wall-clock time at its first moment, and says which times the clocks skip", () => {
    const zones = [BUSINESS_ZONE, ...OTHER_ZONES]
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        // 2020–2035, to the minute.
        fc.integer({ min: 26_297_280, max: 34_186_560 }),
        (zone, minute) => {
          const instant = minute * 60_000
          const local = wallClock(instant, zone)
          expect(wallTimeExists(local.date, local.minutes, zone)).toBe(true)
          const found = zonedTime(local.date, local.minutes, zone).getTime()
          // The same wall clock, and the first time it showed that (an hour earlier at most, when the clocks went back).
          expect(key(wallClock(found, zone))).toBe(key(local))
          expect(found).toBeLessThanOrEqual(instant)
          expect(instant - found).toBeLessThanOrEqual(HOUR)
          if (found < instant) expect(key(wallClock(found - HOUR, zone))).not.toBe(key(local))
        }
      ),
      { numRuns: 400 }
    )
  })
})

describe("the nights the clocks change in London", () => {
  it("skips 01:00–02:00 on 29 March 2026 and shows 01:00–02:00 twice on 25 October 2026", () => {
    expect(wallTimeExists({ year: 2026, month: 3, day: 29 }, 90, BUSINESS_ZONE)).toBe(false)
    expect(wallTimeExists({ year: 2026, month: 3, day: 29 }, 120, BUSINESS_ZONE)).toBe(true)
    // A skipped time is read on the clock before the change: 01:30 GMT, which is 02:30 BST.
    expect(zonedTime({ year: 2026, month: 3, day: 29 }, 90, BUSINESS_ZONE).toISOString()).toBe("2026-03-29T01:30:00.000Z")
    // A repeated time is its first passing (still summer time).
    expect(zonedTime({ year: 2026, month: 10, day: 25 }, 90, BUSINESS_ZONE).toISOString()).toBe("2026-10-25T00:30:00.000Z")
  })

  it("offers a night's half-hour windows once each, leaving out the hour that doesn't exist", () => {
    const settings = DEMO_SCHEDULES["a round-the-clock call-out, no lead time"]
    const spring = windowsBetween(settings, new Date("2026-03-29T00:00:00Z"), new Date("2026-03-29T03:00:00Z"), new Date("2026-03-28T00:00:00Z"), BUSINESS_ZONE)
    // 00:00 and 00:30 GMT, then 02:00 BST onwards: no 01:00 or 01:30, and nothing twice.
    expect(spring.map((window) => window.starts_at.toISOString())).toEqual([
      "2026-03-29T00:00:00.000Z",
      "2026-03-29T00:30:00.000Z",
      "2026-03-29T01:00:00.000Z",
      "2026-03-29T01:30:00.000Z",
      "2026-03-29T02:00:00.000Z",
      "2026-03-29T02:30:00.000Z",
    ])
    expect(spring.map((window) => hhmm(wallClock(window.starts_at.getTime(), BUSINESS_ZONE).minutes))).toEqual([
      "00:00",
      "00:30",
      "02:00",
      "02:30",
      "03:00",
      "03:30",
    ])
    const autumn = windowsBetween(settings, new Date("2026-10-24T23:00:00Z"), new Date("2026-10-25T03:00:00Z"), new Date("2026-10-24T00:00:00Z"), BUSINESS_ZONE)
    const clock = autumn.map((window) => hhmm(wallClock(window.starts_at.getTime(), BUSINESS_ZONE).minutes))
    expect(clock).toEqual(["00:00", "00:30", "01:00", "01:30", "02:00", "02:30"])
  })

  it("reads only real dates as a day to start from", () => {
    expect(readLocalDate("2028-02-29")).toEqual({ year: 2028, month: 2, day: 29 })
    expect(readLocalDate("2026-02-29")).toBeNull()
    expect(readLocalDate("2026-13-01")).toBeNull()
    expect(readLocalDate("tomorrow")).toBeNull()
  })
})
