import path from "node:path"
import { fileURLToPath } from "node:url"
import { expect, inject } from "vitest"
import { run, startProcess } from "../../scripts/lib/processes.mjs"
import { adminToken, api } from "./api"
import { runJob } from "./jobs"
import { createBookableService, type TestService } from "./bookings"
import { BRISTOL } from "./customer-records"

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..")
const ZONE = "Europe/London"

const jobArgs = ["exec", "./integration-tests/support/run-billing-cycles.cts"]
const jobEnv = (now: Date, extra: Record<string, string> = {}) => ({
  ...extra,
  DATABASE_URL: inject("databaseUrl"),
  NODE_ENV: "development",
  MEDUSA_ADMIN_DISABLED: "true",
  BILLING_CYCLES_NOW: now.toISOString(),
})

export type RunResult = { payers: number; invoices: number; visits: number; failed: number }

/** The hourly billing-cycles job once, its clock at `now`. */
export const runCycleJob = (now: Date): Promise<RunResult> => runJob<RunResult>("billing-cycles", now)

/** The job started and left running, for the SIGKILL test (`extra`: settings such as its batch size). */
export const startCycleJob = (now: Date, extra: Record<string, string> = {}) =>
  startProcess(path.join(ROOT, "node_modules/.bin/medusa"), jobArgs, { cwd: ROOT, env: jobEnv(now, extra), output: () => undefined })

export { run }

/** A day (YYYY-MM-DD) in the business's calendar. */
export const localDay = (instant: string | Date) => new Intl.DateTimeFormat("en-CA", { timeZone: ZONE }).format(new Date(instant))

export const addDay = (day: string, days: number) => new Date(Date.parse(`${day}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10)

/** Noon UTC on a day: the middle of that day in London whatever the season. */
export const middayOf = (day: string) => new Date(`${day}T12:00:00Z`)

let cycleService: Promise<TestService> | null = null
/**
 * A service of this test file's own, roomy (100 a window) and open every day, so its many
 * bookings never fill windows other files count on (the demo services' capacity is 1–3).
 */
const ownService = () => (cycleService ??= adminToken().then((token) => createBookableService(token, { lead_time_hours: 24, capacity: 100, horizon_days: 60 })))

/** Books a window of the file's own service for the customer, optionally for a business profile (a random later window). */
export async function bookVisit(token: string, extra: Record<string, unknown> = {}) {
  const service = await ownService()
  const windows = (await api(`/store/services/${service.id}/availability?days=28`)).body.windows as { starts_at: string }[]
  const window = windows.slice(5)[Math.floor(Math.random() * (windows.length - 5))]
  const response = await api("/store/customers/me/bookings", {
    token,
    body: { service_id: service.id, variant_id: service.variants[0].id, starts_at: window.starts_at, location: { address: BRISTOL }, ...extra },
  })
  expect(response.status, JSON.stringify(response.body)).toBe(201)
  return response.body.booking as { id: string; booking_number: string; starts_at: string; order_id: string; service_title: string }
}

export async function completeVisit(admin: string, bookingId: string) {
  const done = await api(`/admin/bookings/${bookingId}/status`, { token: admin, body: { status: "completed", early_finish: true } })
  expect(done.status, JSON.stringify(done.body)).toBe(200)
}

export async function setCycle(admin: string, customerId: string, body: Record<string, unknown>) {
  const response = await api(`/admin/customers/${customerId}/billing-cycle`, { token: admin, body })
  expect(response.status, JSON.stringify(response.body)).toBe(200)
  return response.body
}
