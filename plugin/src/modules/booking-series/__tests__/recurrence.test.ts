/**
 * Recurring visits' rules: RFC 5545 rules expanded in floating local time and put at the local
 * start time in the business's zone, so the clock changes never move a visit's hour.
 */
import { frequencyText, SERIES_FREQUENCIES } from "@fieldservice/contract"
import fc from "fast-check"
import { RRule } from "rrule"
import { describe, expect, it } from "vitest"
import { localDateOf } from "../../services/time-zone"
import { inPause, lastOccurrence, localDate, nextOccurrence, occurrenceDates, occurrenceStart, ruleFor, shortestGapDays } from "../recurrence"

const LONDON = "Europe/London"
const series = (frequency: (typeof SERIES_FREQUENCIES)[number], starts_on: string, ends: { until?: string; count?: number } = {}) => ({
  rule: ruleFor(frequency, localDate(starts_on)),
  starts_on,
  until: ends.until ?? null,
  count: ends.count ?? null,
})
const localTime = (date: Date, timeZone: string) =>
  new Intl.DateTimeFormat("en-GB", { timeZone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(date)

describe("rules", () => {
  it("are RFC 5545 RRULE values", () => {
    expect(ruleFor("weekly", localDate("2027-03-02"))).toBe("FREQ=WEEKLY;BYDAY=TU")
    expect(ruleFor("every_2_weeks", localDate("2027-03-02"))).toBe("FREQ=WEEKLY;INTERVAL=2;BYDAY=TU")
    expect(ruleFor("monthly_by_date", localDate("2027-03-15"))).toBe("FREQ=MONTHLY;BYMONTHDAY=15")
    expect(ruleFor("monthly_by_date", localDate("2027-01-31"))).toBe("FREQ=MONTHLY;BYMONTHDAY=28,29,30,31;BYSETPOS=-1")
    expect(ruleFor("monthly_by_weekday", localDate("2027-03-09"))).toBe("FREQ=MONTHLY;BYDAY=+2TU")
    expect(ruleFor("monthly_by_weekday", localDate("2027-03-30"))).toBe("FREQ=MONTHLY;BYDAY=-1TU")
  })

  it("every two weeks: a fortnight apart, from the first visit on", () => {
    expect(occurrenceDates(series("every_2_weeks", "2027-03-02"), "2027-03-01", "2027-04-15")).toEqual(["2027-03-02", "2027-03-16", "2027-03-30", "2027-04-13"])
  })

  it("monthly on the 31st falls on each month's last day (28th, 29th in a leap year, 30th)", () => {
    expect(occurrenceDates(series("monthly_by_date", "2027-12-31"), "2027-12-01", "2028-06-30")).toEqual([
      "2027-12-31",
      "2028-01-31",
      "2028-02-29",
      "2028-03-31",
      "2028-04-30",
      "2028-05-31",
      "2028-06-30",
    ])
    expect(occurrenceDates(series("monthly_by_date", "2027-01-30"), "2027-01-01", "2027-03-31")).toEqual(["2027-01-30", "2027-02-28", "2027-03-30"])
  })

  it("monthly on the second Tuesday, and on the last Friday", () => {
    expect(occurrenceDates(series("monthly_by_weekday", "2027-03-09"), "2027-03-01", "2027-06-30")).toEqual([
      "2027-03-09",
      "2027-04-13",
      "2027-05-11",
      "2027-06-08",
    ])
    expect(frequencyText("monthly_by_weekday", "2027-03-09")).toBe("Monthly on the second Tuesday")
    expect(occurrenceDates(series("monthly_by_weekday", "2027-01-29"), "2027-01-01", "2027-04-30")).toEqual([
      "2027-01-29",
      "2027-02-26",
      "2027-03-26",
      "2027-04-30",
    ])
    expect(frequencyText("monthly_by_weekday", "2027-01-29")).toBe("Monthly on the last Friday")
  })

  it("end on a date (included) or after a number of visits", () => {
    expect(occurrenceDates(series("weekly", "2027-03-02", { until: "2027-03-16" }), "2027-01-01", "2027-12-31")).toEqual([
      "2027-03-02",
      "2027-03-09",
      "2027-03-16",
    ])
    const three = series("every_3_weeks", "2027-03-02", { count: 3 })
    expect(occurrenceDates(three, "2027-03-10", "2027-12-31")).toEqual(["2027-03-23", "2027-04-13"])
    expect(lastOccurrence(three)).toBe("2027-04-13")
    expect(lastOccurrence(series("weekly", "2027-03-02"))).toBeNull()
    expect(nextOccurrence(three, "2027-04-14")).toBeNull()
    expect(nextOccurrence(three, "2027-03-03")).toBe("2027-03-23")
  })

  it("weekly rules, counted without rrule, give rrule's dates: any start, end date and range", () => {
    const iso = (date: Date) => date.toISOString().slice(0, 10)
    fc.assert(
      fc.property(
        fc.constantFrom("weekly", "every_2_weeks", "every_3_weeks", "every_4_weeks" as const),
        fc.integer({ min: 0, max: 3000 }),
        fc.option(fc.integer({ min: 0, max: 400 })),
        fc.integer({ min: -60, max: 400 }),
        fc.integer({ min: 0, max: 120 }),
        (frequency, start, untilAfter, fromAfter, days) => {
          const day = (n: number) => iso(new Date(Date.UTC(2024, 0, 1) + n * 86_400_000))
          const rule = series(frequency, day(start), untilAfter === null ? {} : { until: day(start + untilAfter) })
          const [from, to] = [day(start + fromAfter), day(start + fromAfter + days)]
          const floating = (date: string, end = 0) => new Date(Date.parse(`${date}T00:00:00Z`) + end)
          const expected = new RRule({
            ...RRule.parseString(rule.rule),
            dtstart: floating(rule.starts_on),
            until: rule.until ? floating(rule.until, 86_399_000) : null,
          })
            .between(floating(from), floating(to, 86_399_000), true)
            .map(iso)
          expect(occurrenceDates(rule, from, to)).toEqual(expected)
        }
      )
    )
  })

  it("the shortest gap between visits", () => {
    expect(shortestGapDays(series("weekly", "2027-03-02"))).toBe(7)
    expect(shortestGapDays(series("every_4_weeks", "2027-03-02"))).toBe(28)
    expect(shortestGapDays(series("monthly_by_date", "2027-01-31"))).toBe(28)
    expect(shortestGapDays({ rule: "FREQ=DAILY", starts_on: "2027-03-02" })).toBe(1)
  })

  it("paused periods include both ends", () => {
    const pauses = [{ from: "2027-08-01", to: "2027-08-14" }]
    expect(["2027-07-31", "2027-08-01", "2027-08-14", "2027-08-15"].map((date) => inPause(date, pauses))).toEqual([false, true, true, false])
  })
})

describe("daylight saving", () => {
  it("a weekly 09:00 visit stays at 09:00 local across both clock changes (UTC moves instead)", () => {
    const weekly = series("weekly", "2027-03-23")
    const dates = occurrenceDates(weekly, "2027-03-23", "2027-11-09")
    const starts = dates.map((date) => occurrenceStart(date, "09:00", LONDON))
    expect(starts.every((start) => localTime(start, LONDON) === "09:00")).toBe(true)
    // 23 March is GMT (09:00Z), 30 March BST (08:00Z), November GMT again.
    expect(starts[0].toISOString()).toBe("2027-03-23T09:00:00.000Z")
    expect(starts[1].toISOString()).toBe("2027-03-30T08:00:00.000Z")
    expect(starts[starts.length - 1].toISOString()).toBe("2027-11-09T09:00:00.000Z")
  })

  it("every visit is on a rule date at the chosen local time, in any zone, for any frequency", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...SERIES_FREQUENCIES),
        fc.date({ min: new Date("2026-01-01T00:00:00Z"), max: new Date("2035-12-31T00:00:00Z"), noInvalidDate: true }),
        fc.integer({ min: 6 * 4, max: 20 * 4 }).map((quarters) => quarters * 15),
        fc.constantFrom(LONDON, "America/New_York", "Australia/Sydney", "Europe/Berlin", "UTC"),
        (frequency, start, minutes, zone) => {
          const startsOn = start.toISOString().slice(0, 10)
          const time = `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`
          // A year on, counted in days: the same day a year later isn't a date when it starts on 29 February.
          const yearOn = new Date(start.getTime() + 365 * 86_400_000).toISOString().slice(0, 10)
          const dates = occurrenceDates(series(frequency, startsOn), startsOn, yearOn)
          expect(dates[0]).toBe(startsOn)
          for (const date of dates) {
            const at = occurrenceStart(date, time, zone)
            expect(localTime(at, zone)).toBe(time)
            const local = localDateOf(at, zone)
            expect(`${local.year}-${String(local.month).padStart(2, "0")}-${String(local.day).padStart(2, "0")}`).toBe(date)
          }
        }
      ),
      { numRuns: 100 }
    )
    // A year of dates per run, a hundred runs: seconds on a busy machine.
  }, 30_000)
})
