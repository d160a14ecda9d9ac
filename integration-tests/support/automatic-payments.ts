import path from "node:path"
import { expect, inject } from "vitest"
import { startProcess } from "../../scripts/lib/processes.mjs"
import { api, eventually } from "./api"
import { ROOT } from "./billing-cycles"
import { bookSomething } from "./customer-records"

export type AutomaticPaymentRun = { invoices: number; paid: number; failed: number; unfinished: number }

/** The hourly automatic-payments job once, in its own process as Medusa runs scripts, its clock at `now`. */
export async function runAutomaticPaymentJob(now: Date): Promise<AutomaticPaymentRun> {
  const stripe = inject("stripe")
  let printed = ""
  const proc = startProcess(path.join(ROOT, "node_modules/.bin/medusa"), ["exec", "./integration-tests/support/run-automatic-payments.cts"], {
    cwd: ROOT,
    env: {
      DATABASE_URL: inject("databaseUrl"),
      NODE_ENV: "development",
      MEDUSA_ADMIN_DISABLED: "true",
      AUTOMATIC_PAYMENTS_NOW: now.toISOString(),
      STRIPE_API_KEY: stripe.secretKey,
      STRIPE_WEBHOOK_SECRET: stripe.webhookSecret,
      STRIPE_API_BASE: stripe.url,
      PORTAL_URL: inject("portalUrl"),
      RESEND_API_KEY: "re_test_integration",
      RESEND_BASE_URL: inject("resendUrl"),
    },
    output: (chunk) => (printed += chunk),
  })
  const { code } = await proc.exited
  if (code !== 0) throw new Error(`automatic-payments job failed (exit ${code})\n${printed.slice(-4000)}`)
  return JSON.parse(/AUTOMATIC_PAYMENTS_RESULT (.*)/.exec(printed)![1])
}

const BRISTOL = { address_1: "9 Autopay Row", city: "Bristol", postal_code: "BS6 7QT", country_code: "gb" }

/** A clean booked and completed by staff: its issued, unpaid invoice as staff see it (with due_at). */
export async function dueInvoice(admin: string, token: string): Promise<{ id: string; number: string; due_at: string; status: string; total: number }> {
  const { booking } = await bookSomething(token, "regular-home-clean", { address: BRISTOL })
  const done = await api(`/admin/bookings/${booking.id}/status`, { token: admin, body: { status: "completed", early_finish: true } })
  expect(done.status, JSON.stringify(done.body)).toBe(200)
  return eventually(async () => {
    const { body } = await api(`/admin/invoices?booking_id=${booking.id}`, { token: admin })
    const listed = body.invoices?.[0]
    if (!listed) throw new Error("no invoice yet")
    const invoice = (await api(`/admin/invoices/${listed.id}`, { token: admin })).body.invoice
    if (invoice.status !== "issued") throw new Error(`invoice is ${invoice.status}`)
    return invoice
  }, 20_000)
}

export const setAutomaticPayment = (token: string, enabled: unknown) => api("/store/customers/me/automatic-payment", { token, body: { enabled } })
