import { describe, expect, it } from "vitest"
import { dueLeadMinutes, timeLeftText } from "../visit-reminders"
import { isValidUnsubscribe, unsubscribeSignature } from "../unsubscribe-signature"
import { unsubscribeHeaders } from "../unsubscribe"

const HOUR = 3_600_000
const LEADS = [2880, 120]
const start = new Date("2027-03-10T10:00:00Z")
const at = (hoursBefore: number) => new Date(start.getTime() - hoursBefore * HOUR)

describe("dueLeadMinutes", () => {
  it("is the shortest lead time whose moment has come, and nothing before the first or after the start", () => {
    expect(dueLeadMinutes(start, at(49), LEADS)).toBeNull()
    expect(dueLeadMinutes(start, at(48), LEADS)).toBe(2880)
    expect(dueLeadMinutes(start, at(24), LEADS)).toBe(2880)
    expect(dueLeadMinutes(start, at(2), LEADS)).toBe(120)
    expect(dueLeadMinutes(start, at(0.5), LEADS)).toBe(120)
    expect(dueLeadMinutes(start, at(0), LEADS)).toBeNull()
    expect(dueLeadMinutes(start, at(-1), LEADS)).toBeNull()
  })

  it("leaves out a reminder whose moment had passed when the visit was booked", () => {
    expect(dueLeadMinutes(start, at(24), LEADS, at(30))).toBeNull()
    expect(dueLeadMinutes(start, at(1), LEADS, at(30))).toBe(120)
    expect(dueLeadMinutes(start, at(1), LEADS, at(1.5))).toBeNull()
  })
})

describe("timeLeftText", () => {
  it("says the time left as a customer reads it", () => {
    expect(timeLeftText(start, at(48))).toBe("in 2 days")
    expect(timeLeftText(start, at(47.9))).toBe("in 2 days")
    expect(timeLeftText(start, at(2))).toBe("in 2 hours")
    expect(timeLeftText(start, at(1))).toBe("in 60 minutes")
    expect(timeLeftText(start, at(24))).toBe("in 1 day")
    expect(timeLeftText(start, at(20))).toBe("in 20 hours")
  })
})

describe("unsubscribe links", () => {
  it("are signed per customer and kind, and a changed part fails", () => {
    const signature = unsubscribeSignature("secret", "cus_1", "reminders")
    expect(isValidUnsubscribe("secret", "cus_1", "reminders", signature)).toBe(true)
    expect(isValidUnsubscribe("secret", "cus_2", "reminders", signature)).toBe(false)
    expect(isValidUnsubscribe("secret", "cus_1", "marketing", signature)).toBe(false)
    expect(isValidUnsubscribe("other", "cus_1", "reminders", signature)).toBe(false)
    expect(isValidUnsubscribe("secret", "cus_1", "everything", signature)).toBe(false)
    expect(isValidUnsubscribe("", "cus_1", "reminders", signature)).toBe(false)
    expect(isValidUnsubscribe("secret", "cus_1", "reminders", signature.slice(1))).toBe(false)
  })

  it("carry RFC 8058's headers", () => {
    expect(unsubscribeHeaders("https://portal.test/unsubscribe?x=1", "unsubscribe@portal.test")).toEqual({
      "List-Unsubscribe": "<https://portal.test/unsubscribe?x=1>, <mailto:unsubscribe@portal.test?subject=unsubscribe>",
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    })
  })
})
