/** Completing a visit and undoing it, at pinned "now" values: the same answer whatever the wall clock says. */
import { COMPLETION_UNDO_MINUTES } from "@fieldservice/contract"
import { describe, expect, it } from "vitest"
import { PINNED_NOWS } from "../../services/__tests__/pinned-clock"
import { canUndoCompletion, completionIsEarly, completionUndoUntil } from "../completion"

const MINUTE = 60_000

describe.each(PINNED_NOWS)("completion at $label", ({ now }) => {
  const at = (minutes: number) => new Date(now.getTime() + minutes * MINUTE)

  it("is early until the arrival window starts, and not from its first minute", () => {
    expect(completionIsEarly({ status: "confirmed", starts_at: at(3 * 24 * 60) }, now)).toBe(true)
    expect(completionIsEarly({ status: "confirmed", starts_at: at(1) }, now)).toBe(true)
    expect(completionIsEarly({ status: "confirmed", starts_at: now }, now)).toBe(false)
    expect(completionIsEarly({ status: "in_progress", starts_at: at(-90).toISOString() }, now)).toBe(false)
  })

  it(`can be undone for ${COMPLETION_UNDO_MINUTES} minutes after it was marked, not a moment later`, () => {
    const justNow = { status: "completed", starts_at: at(-120), completed_at: now }
    expect(completionUndoUntil(justNow)).toEqual(at(COMPLETION_UNDO_MINUTES))
    expect(canUndoCompletion(justNow, now)).toBe(true)
    expect(canUndoCompletion(justNow, at(COMPLETION_UNDO_MINUTES))).toBe(true)
    expect(canUndoCompletion(justNow, new Date(at(COMPLETION_UNDO_MINUTES).getTime() + 1))).toBe(false)
    // Completed before completions were timed, or not completed at all: nothing to undo.
    expect(canUndoCompletion({ status: "completed", starts_at: at(-120), completed_at: null }, now)).toBe(false)
    expect(canUndoCompletion({ status: "confirmed", starts_at: at(-120), completed_at: now }, now)).toBe(false)
  })
})
