import { describe, expect, it } from "vitest"
import { closeDayOnOrAfter, describeCycle, isoDay, lastCloseBefore, openPeriod, parseDay } from "../billing-periods"

const day = parseDay
const period = (setting: Parameters<typeof openPeriod>[0], today: string) => {
  const { starts_on, closes_on } = openPeriod(setting, day(today))
  return `${isoDay(starts_on)}..${isoDay(closes_on)}`
}

describe("billing periods", () => {
  it("monthly on the last day: calendar months, February included", () => {
    const last = { frequency: "monthly", month_day: "last" } as const
    expect(period(last, "2027-02-10")).toBe("2027-02-01..2027-02-28")
    expect(period(last, "2028-02-29")).toBe("2028-02-01..2028-02-29")
    expect(isoDay(lastCloseBefore(last, day("2027-03-01")))).toBe("2027-02-28")
    expect(isoDay(lastCloseBefore(last, day("2027-01-01")))).toBe("2026-12-31")
  })

  it("monthly on the 15th: the close day belongs to the period it closes", () => {
    const mid = { frequency: "monthly", month_day: 15 } as const
    expect(period(mid, "2027-01-15")).toBe("2026-12-16..2027-01-15")
    expect(period(mid, "2027-01-16")).toBe("2027-01-16..2027-02-15")
    expect(isoDay(lastCloseBefore(mid, day("2027-01-15")))).toBe("2026-12-15")
    expect(isoDay(lastCloseBefore(mid, day("2027-01-16")))).toBe("2027-01-15")
  })

  it("weekly on a Friday (5): Saturday to Friday", () => {
    const friday = { frequency: "weekly", weekday: 5 } as const
    // 2027-01-08 is a Friday.
    expect(period(friday, "2027-01-08")).toBe("2027-01-02..2027-01-08")
    expect(period(friday, "2027-01-09")).toBe("2027-01-09..2027-01-15")
    expect(isoDay(lastCloseBefore(friday, day("2027-01-09")))).toBe("2027-01-08")
    expect(isoDay(closeDayOnOrAfter(friday, day("2027-01-05")))).toBe("2027-01-08")
  })

  it("fortnightly from an anchor: every other week, before and after the anchor", () => {
    const fortnight = { frequency: "fortnightly", weekday: 1, anchor_date: "2027-01-04" } as const
    expect(period(fortnight, "2027-01-05")).toBe("2027-01-05..2027-01-18")
    expect(period(fortnight, "2027-01-18")).toBe("2027-01-05..2027-01-18")
    expect(period(fortnight, "2026-12-30")).toBe("2026-12-22..2027-01-04")
    expect(isoDay(lastCloseBefore(fortnight, day("2027-01-19")))).toBe("2027-01-18")
  })

  it("describes the cycle in staff's words", () => {
    expect(describeCycle({ frequency: "monthly", month_day: "last" })).toBe("Monthly, closing on the last day of the month")
    expect(describeCycle({ frequency: "monthly", month_day: 22 })).toBe("Monthly, closing on the 22nd of the month")
    expect(describeCycle({ frequency: "weekly", weekday: 5 })).toBe("Weekly, closing every Friday")
  })
})
