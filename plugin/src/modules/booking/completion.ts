import { COMPLETION_UNDO_MINUTES } from "@fieldservice/contract"

type CompletableBooking = { status: string; starts_at: Date | string; completed_at?: Date | string | null }

/**
 * Completing a visit whose arrival window hasn't started yet is almost always a slip (the wrong
 * row, the wrong day), so it needs staff to say the work really was finished early.
 */
export const completionIsEarly = (booking: CompletableBooking, now: Date) => now.getTime() < new Date(booking.starts_at).getTime()

/** Until when a completion can be undone; null when the booking isn't completed (or was completed before completions were timed). */
export function completionUndoUntil(booking: CompletableBooking): Date | null {
  if (booking.status !== "completed" || !booking.completed_at) return null
  return new Date(new Date(booking.completed_at).getTime() + COMPLETION_UNDO_MINUTES * 60_000)
}

/** Whether "Undo" may still reopen this completed visit at `now`. */
export function canUndoCompletion(booking: CompletableBooking, now: Date): boolean {
  const until = completionUndoUntil(booking)
  return !!until && now.getTime() <= until.getTime()
}
