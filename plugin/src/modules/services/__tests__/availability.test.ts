import { describe, expect, it } from "vitest"
import { windowsBetween, windowStartingAt, type ScheduleSettings } from "../availability"
import { servesPostcode } from "../service-areas"

const weekdays = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: "08:00", end: "17:00" }))
const settings: ScheduleSettings = {
  duration_minutes: 150,
  window_minutes: 120,
  capacity: 2,
  working_hours: weekdays,
  lead_time_hours: 24,
  horizon_days: 14,
}
// Monday 23 November 2026, 09:00 in London (UTC in winter).
const now = new Date("2026-11-23T09:00:00Z")
const iso = (windows: { starts_at: Date }[]) => windows.map((window) => window.starts_at.toISOString())

describe("arrival windows", () => {
  it("cuts opening hours into windows where the whole visit fits, after the lead time", () => {
    const windows = windowsBetween(settings, now, new Date("2026-11-25T00:00:00Z"), now, "Europe/London")
    // Tuesday only (Monday is inside the 24 h lead time until 09:00 Tuesday): 10:00, 12:00, 14:00.
    // 08:00 is before the lead time ends; 16:00 + 2.5 h would end after 17:00.
    expect(iso(windows)).toEqual(["2026-11-24T10:00:00.000Z", "2026-11-24T12:00:00.000Z", "2026-11-24T14:00:00.000Z"])
    expect(windows[0].ends_at.toISOString()).toBe("2026-11-24T12:00:00.000Z")
  })

  it("offers nothing at weekends or past the horizon", () => {
    expect(windowsBetween(settings, new Date("2026-11-28T00:00:00Z"), new Date("2026-11-30T00:00:00Z"), now, "Europe/London")).toEqual([])
    expect(windowsBetween(settings, new Date("2026-12-08T00:00:00Z"), new Date("2026-12-10T00:00:00Z"), now, "Europe/London")).toEqual([])
  })

  it("follows the business's clock in summer time", () => {
    const summerNow = new Date("2026-06-01T00:00:00Z")
    const [first] = windowsBetween(settings, new Date("2026-06-03T00:00:00Z"), new Date("2026-06-04T00:00:00Z"), summerNow, "Europe/London")
    expect(first.starts_at.toISOString()).toBe("2026-06-03T07:00:00.000Z")
  })

  it("recognises only the windows it offers", () => {
    expect(windowStartingAt(settings, new Date("2026-11-24T12:00:00Z"), now, "Europe/London")).not.toBeNull()
    expect(windowStartingAt(settings, new Date("2026-11-24T13:00:00Z"), now, "Europe/London")).toBeNull()
    expect(windowStartingAt(settings, new Date("2026-11-24T08:00:00Z"), now, "Europe/London")).toBeNull()
    expect(windowStartingAt(settings, new Date("2026-11-22T10:00:00Z"), now, "Europe/London")).toBeNull()
  })
})

describe("service areas", () => {
  it("matches postcode areas and districts, not look-alikes", () => {
    expect(servesPostcode([], "BS6 7QT")).toBe(true)
    expect(servesPostcode(["BS"], "bs6 7qt")).toBe(true)
    expect(servesPostcode(["BS6"], "BS6 7QT")).toBe(true)
    expect(servesPostcode(["BS6"], "BS61 1AA")).toBe(false)
    expect(servesPostcode(["B"], "BS6 7QT")).toBe(false)
    expect(servesPostcode(["B"], "B1 1AA")).toBe(true)
    expect(servesPostcode(["BA1", "TR26"], "TR26 1LP")).toBe(true)
    expect(servesPostcode(["BA1", "TR26"], "M1 5QA")).toBe(false)
  })
})
