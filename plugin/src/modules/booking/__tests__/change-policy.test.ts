import { describe, expect, it } from "vitest"
import { officeContact } from "@fieldservice/contract"
import { changeRules, type ChangePolicy } from "../change-policy"

const HOUR = 3600_000
const now = new Date("2026-03-10T09:00:00Z")
const policy: ChangePolicy = {
  cancellation_cutoff_hours: 24,
  reschedule_cutoff_hours: 48,
  cancellation_policy: "Free before the cut-off.",
  office_phone: "0117 496 0000",
  office_email: "office@example.test",
}
const at = (hoursFromNow: number) => new Date(now.getTime() + hoursFromNow * HOUR)

describe("changeRules: what a customer may still change", () => {
  it("allows everything well before the cut-offs, and says until when", () => {
    const rules = changeRules({ status: "confirmed", starts_at: at(72) }, policy, now)
    expect(rules).toMatchObject({ can_edit: true, can_cancel: true, can_reschedule: true, can_add_attachments: true, cancel_refusal: null })
    expect(rules.cancel_until).toBe(at(48).toISOString())
    expect(rules.reschedule_until).toBe(at(24).toISOString())
  })

  it("applies each cut-off on its own, up to the exact moment", () => {
    const between = changeRules({ status: "confirmed", starts_at: at(30) }, policy, now)
    expect(between).toMatchObject({ can_cancel: true, can_reschedule: false, can_edit: true })
    expect(between.reschedule_refusal).toBe(
      "Bookings can be rescheduled online until 48 hours before the arrival window, and that time has passed for this visit. To move it, please call us on 0117 496 0000 or email office@example.test."
    )
    expect(changeRules({ status: "confirmed", starts_at: at(24) }, policy, now).can_cancel).toBe(false)
    expect(changeRules({ status: "confirmed", starts_at: new Date(at(24).getTime() + 1) }, policy, now).can_cancel).toBe(true)
  })

  it("with a cut-off of 0, allows changes until the window starts", () => {
    const rules = changeRules({ status: "requested", starts_at: at(1) }, { ...policy, cancellation_cutoff_hours: 0, reschedule_cutoff_hours: 0 }, now)
    expect(rules).toMatchObject({ can_cancel: true, can_reschedule: true })
    const late = changeRules({ status: "requested", starts_at: at(0) }, { ...policy, cancellation_cutoff_hours: 0 }, now)
    expect(late.can_cancel).toBe(false)
  })

  it("offers nothing but files for a past visit, and nothing at all for a cancelled one", () => {
    const past = changeRules({ status: "confirmed", starts_at: at(-5) }, policy, now)
    expect(past).toMatchObject({ can_edit: false, can_cancel: false, can_reschedule: false, can_add_attachments: true, cancel_until: null })
    expect(past.edit_refusal).toMatch(/already started or taken place/)
    const working = changeRules({ status: "in_progress", starts_at: at(5) }, policy, now)
    expect(working).toMatchObject({ can_edit: false, can_cancel: false })
    const cancelled = changeRules({ status: "cancelled", starts_at: at(100) }, policy, now)
    expect(cancelled).toMatchObject({ can_edit: false, can_cancel: false, can_reschedule: false, can_add_attachments: false })
    expect(cancelled.cancel_refusal).toMatch(/was cancelled/)
  })
})

describe("officeContact", () => {
  it("names whichever ways to reach the office are known", () => {
    expect(officeContact(policy)).toBe("call us on 0117 496 0000 or email office@example.test")
    expect(officeContact({ office_phone: null, office_email: "o@x.test" })).toBe("email o@x.test")
    expect(officeContact({ office_phone: null, office_email: null })).toBe("contact us")
  })
})
