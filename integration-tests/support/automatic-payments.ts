import { expect } from "vitest"
import { api, eventually } from "./api"
import { bookSomething } from "./customer-records"
import { runJob } from "./jobs"

export type AutomaticPaymentRun = { invoices: number; paid: number; failed: number; unfinished: number }

/** The hourly automatic-payments job once, its clock at `now`. */
export const runAutomaticPaymentJob = (now: Date): Promise<AutomaticPaymentRun> => runJob<AutomaticPaymentRun>("automatic-payments", now)

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
