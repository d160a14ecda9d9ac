import { describe, expect, it } from "vitest"
import { AdminGetScheduleParams } from "../admin/schedule/validators"

const problem = (query: Record<string, unknown>) => {
  const result = AdminGetScheduleParams.safeParse(query)
  return result.success ? null : result.error.issues.map((issue) => issue.message).join("; ")
}

describe("the schedule board's query", () => {
  it("is one day when only from is given, and a postcode area as the business writes it", () => {
    expect(AdminGetScheduleParams.parse({ from: "2032-03-09", postcode_area: "bs 6" })).toEqual({ from: "2032-03-09", to: "2032-03-09", postcode_area: "BS6" })
  })

  it("takes at most two weeks, in order, across a month end and the night the clocks change", () => {
    expect(problem({ from: "2032-03-22", to: "2032-04-04" })).toBeNull()
    expect(problem({ from: "2032-03-22", to: "2032-04-05" })).toMatch(/at most 14 days/)
    expect(problem({ from: "2032-03-10", to: "2032-03-09" })).toMatch(/from must be on or before to/)
    expect(problem({ from: "2032-02-30" })).toMatch(/from must be a date/)
    expect(problem({ from: "2032-03-09", postcode_area: "Bristol" })).toMatch(/postcode area or district/)
  })
})
