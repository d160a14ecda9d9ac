/**
 * The 14 days to give or change a rating, at pinned "now" values (month ends, the nights the clocks
 * change): counted in real time from the completion, the same answer whatever the wall clock says.
 */
import { describe, expect, it } from "vitest"
import { RATING_WINDOW_CLOSED } from "@fieldservice/contract"
import { PINNED_NOWS } from "../../../modules/services/__tests__/pinned-clock"
import { postcodeArea } from "../../../modules/ratings/service"
import { ratingChangeableUntil, ratingRefusal } from "../rating-record"

const DAY = 86_400_000
const visit = (status: string, completedAt: Date | null) =>
  ({ booking_number: "BK-TEST", status, completed_at: completedAt }) as unknown as Parameters<typeof ratingRefusal>[0]

describe.each(PINNED_NOWS)("the rating window at $label", ({ now }) => {
  it("is open until 14 days after completion and closed a millisecond later", () => {
    const completed = new Date(now.getTime() - 14 * DAY)
    expect(ratingRefusal(visit("completed", completed), now)).toBeNull()
    expect(ratingChangeableUntil(visit("completed", completed))?.getTime()).toBe(now.getTime())
    const late = ratingRefusal(visit("completed", new Date(completed.getTime() - 1)), now)
    expect(late?.message).toBe(RATING_WINDOW_CLOSED)
  })

  it("is not open before the visit is completed", () => {
    expect(ratingRefusal(visit("in_progress", null), now)?.message).toMatch(/isn't completed yet/)
    expect(ratingChangeableUntil(visit("confirmed", null))).toBeNull()
  })
})

describe("postcode areas", () => {
  it("are the outward code, whatever the spacing and case", () => {
    expect(postcodeArea("bs6 7qt")).toBe("BS6")
    expect(postcodeArea("SW1A1AA")).toBe("SW1A")
    expect(postcodeArea("BS6")).toBe("BS6")
    expect(postcodeArea("")).toBeNull()
    expect(postcodeArea(null)).toBeNull()
  })
})
