/**
 * Automatic payment's rules (issue #18 item 4), pure so unit tests pin them: whose card pays an
 * invoice (see payer.ts), when a failed charge is tried again, and the key that makes each try charge once.
 */

/** Days after the first failed charge when it is tried again; after the last, it stops as failed. */
export const AUTOMATIC_PAYMENT_RETRY_DAYS = [1, 3, 7] as const

/** The first try and one per retry day. */
export const AUTOMATIC_PAYMENT_ATTEMPTS = AUTOMATIC_PAYMENT_RETRY_DAYS.length + 1

const DAY = 86_400_000

/**
 * When attempt `attempt` (1-based) having failed, the next is due: the retry days count from the
 * first failure, so a slow run doesn't push the schedule back. Null: that was the last try.
 */
export function nextRetryAt(firstAttemptAt: Date, attempt: number): Date | null {
  const days = AUTOMATIC_PAYMENT_RETRY_DAYS[attempt - 1]
  return days === undefined ? null : new Date(firstAttemptAt.getTime() + days * DAY)
}

/** The invoice checkout's idempotency key for one try: a rerun or a second worker finds the same charge. */
export const automaticPaymentKey = (invoiceId: string, attempt: number) => `automatic:${invoiceId}:${attempt}`

/** Whether an invoice checkout is an automatic charge (made by the job) rather than the customer's Pay. */
export const isAutomaticPaymentKey = (key: string | null | undefined) => !!key?.startsWith("automatic:")

type AttemptState = { attempt: number; status: string; next_retry_at: Date | string | null; attempted_at: Date | string }

export type AutomaticPaymentStep = { action: "charge"; attempt: number } | { action: "resume"; attempt: number } | { action: "wait" | "done" }

/**
 * What the job does with a due invoice, from its attempts so far: the first charge, the next retry
 * once its time has come, an unfinished one resumed, or nothing (paid, waiting, or given up).
 */
export function nextAutomaticPaymentStep(attempts: AttemptState[], now: Date): AutomaticPaymentStep {
  if (!attempts.length) return { action: "charge", attempt: 1 }
  const last = [...attempts].sort((a, b) => b.attempt - a.attempt)[0]
  if (last.status === "charging") return { action: "resume", attempt: last.attempt }
  if (last.status === "succeeded" || !last.next_retry_at) return { action: "done" }
  return new Date(last.next_retry_at).getTime() <= now.getTime() ? { action: "charge", attempt: last.attempt + 1 } : { action: "wait" }
}
