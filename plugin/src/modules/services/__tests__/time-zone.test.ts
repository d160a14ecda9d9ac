import { describe, expect, it } from "vitest"
import { addDays, localDateOf, minutesOf, weekdayOf, zonedTime } from "../time-zone"

describe("business time zone", () => {
  it("turns London wall-clock times into instants across the clock changes", () => {
    // Winter: London is UTC.
    expect(zonedTime({ year: 2026, month: 12, day: 1 }, 8 * 60, "Europe/London").toISOString()).toBe("2026-12-01T08:00:00.000Z")
    // Summer: London is UTC+1.
    expect(zonedTime({ year: 2026, month: 7, day: 1 }, 8 * 60, "Europe/London").toISOString()).toBe("2026-07-01T07:00:00.000Z")
    // The days the clocks change (29 March and 25 October 2026).
    expect(zonedTime({ year: 2026, month: 3, day: 29 }, 10 * 60, "Europe/London").toISOString()).toBe("2026-03-29T09:00:00.000Z")
    expect(zonedTime({ year: 2026, month: 10, day: 25 }, 10 * 60, "Europe/London").toISOString()).toBe("2026-10-25T10:00:00.000Z")
    expect(zonedTime({ year: 2026, month: 7, day: 1 }, 9 * 60, "America/New_York").toISOString()).toBe("2026-07-01T13:00:00.000Z")
  })

  it("knows the local date and weekday of an instant", () => {
    expect(localDateOf(new Date("2026-07-01T23:30:00Z"), "Europe/London")).toEqual({ year: 2026, month: 7, day: 2 })
    expect(weekdayOf({ year: 2026, month: 11, day: 23 })).toBe(1)
    expect(weekdayOf({ year: 2026, month: 11, day: 29 })).toBe(7)
    expect(addDays({ year: 2026, month: 12, day: 31 }, 1)).toEqual({ year: 2027, month: 1, day: 1 })
  })

  it("reads times of day", () => {
    expect(minutesOf("08:30")).toBe(510)
    expect(minutesOf("24:00")).toBe(1440)
    expect(minutesOf("8:30")).toBeNull()
    expect(minutesOf("25:00")).toBeNull()
  })
})

describe("arrival windows in words", () => {
  it("says the day and the window in the business's clock", async () => {
    const { describeArrivalWindow } = await import("../time-zone")
    // ICU versions differ on the comma after the weekday.
    expect(describeArrivalWindow(new Date("2026-07-01T07:00:00Z"), new Date("2026-07-01T09:00:00Z"), "Europe/London")).toMatch(
      /^Wednesday,? 1 July 2026, arriving between 08:00 and 10:00$/
    )
  })
})
