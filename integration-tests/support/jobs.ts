import { inject } from "vitest"

export type JobName =
  | "billing-cycles"
  | "booking-series"
  | "automatic-payments"
  | "release-held-bookings"
  | "data-requests-upkeep"
  | "expire-quotes"
  | "gift-voucher-delivery"
  | "visit-reminders"
  | "conversation-emails"
  | "invoice-overdue-notices"

/**
 * A scheduled job run once with its clock at `now`, in the suite's job process (support/job-runner.cts):
 * its own Medusa process against the test database, as Medusa runs scripts, not the app under test.
 */
export async function runJob<T = unknown>(job: JobName, now?: Date): Promise<T & { ms: number }> {
  const response = await fetch(`${inject("jobRunnerUrl")}/run`, { method: "POST", body: JSON.stringify({ job, now: now?.toISOString() }) })
  const body = (await response.json()) as { result: T; ms: number; message?: string }
  if (response.status !== 200) throw new Error(`${job} job failed: ${body.message}`)
  return { ...body.result, ms: body.ms }
}
