/**
 * The cut-offs for cancelling and rescheduling at pinned "now" values (Monday morning, Saturday
 * night, month ends, the nights the clocks change): the same answer whatever the wall clock says.
 */
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { PINNED_NOWS } from "../../services/__tests__/pinned-clock"
import { changeRules, type ChangePolicy } from "../change-policy"

const HOUR = 3_600_000
const policy = (cancel: number, reschedule: number): ChangePolicy => ({
  cancellation_cutoff_hours: cancel,
  reschedule_cutoff_hours: reschedule,
  cancellation_policy: "Free before the cut-off.",
  office_phone: null,
  office_email: "office@example.test",
})

describe.each(PINNED_NOWS)("cut-offs at $label", ({ now }) => {
  it("allow a change up to the cut-off and refuse it from then on, counted in real hours", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 24 * 14 }),
        fc.integer({ min: 0, max: 24 * 14 }),
        // The visit from a day ago to three weeks ahead, to the minute.
        fc.integer({ min: -24 * 60, max: 21 * 24 * 60 }),
        fc.constantFrom("requested", "confirmed", "in_progress", "completed", "cancelled"),
        (cancelHours, rescheduleHours, minutesAhead, status) => {
          const startsAt = new Date(now.getTime() + minutesAhead * 60_000)
          const rules = changeRules({ status, starts_at: startsAt }, policy(cancelHours, rescheduleHours), now)
          const open = ["requested", "confirmed"].includes(status) && startsAt.getTime() > now.getTime()
          expect(rules.can_cancel).toBe(open && now.getTime() < startsAt.getTime() - cancelHours * HOUR)
          expect(rules.can_reschedule).toBe(open && now.getTime() < startsAt.getTime() - rescheduleHours * HOUR)
          expect(rules.can_edit).toBe(open)
          expect(rules.can_add_attachments).toBe(status !== "cancelled")
          if (open) {
            expect(new Date(rules.cancel_until!).getTime()).toBe(startsAt.getTime() - cancelHours * HOUR)
            expect(new Date(rules.reschedule_until!).getTime()).toBe(startsAt.getTime() - rescheduleHours * HOUR)
          }
          // A refusal always says why; an allowed change never carries one.
          expect(rules.cancel_refusal === null).toBe(rules.can_cancel)
          expect(rules.reschedule_refusal === null).toBe(rules.can_reschedule)
        }
      ),
      { numRuns: 200 }
    )
  })

  it("turns exactly at the cut-off, to the millisecond", () => {
    const startsAt = new Date(now.getTime() + 24 * HOUR)
    expect(changeRules({ status: "confirmed", starts_at: startsAt }, policy(24, 24), now).can_cancel).toBe(false)
    expect(changeRules({ status: "confirmed", starts_at: new Date(startsAt.getTime() + 1) }, policy(24, 24), now).can_cancel).toBe(true)
  })
})
