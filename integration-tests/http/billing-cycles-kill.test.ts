/**
 * Issue #18: "A job killed mid-run resumes without duplicates (test with SIGKILL)". The billing
 * cycles job runs in its own process (`medusa exec`, as the scheduler would run it) over many
 * monthly payers and is killed with SIGKILL once it has made some invoices; run again, it bills
 * every visit exactly once: none twice, none left out, every invoice whole and issued.
 */
import { beforeAll, describe, expect, it } from "vitest"
import { adminToken, api, signUpCustomer } from "../support/api"
import { bookVisit, completeVisit, runCycleJob, setCycle, startCycleJob } from "../support/billing-cycles"
import { insertBooking } from "../support/bookings"
import { sql } from "../support/db"

const PAYERS = 60
const VISITS_EACH = 2
// A January long past: its period closed, so the run bills it whatever today is.
const NOW = new Date("2026-02-02T12:00:00Z")

let admin: string
const customerIds: string[] = []
const bookingIds: string[] = []

const billedVisits = async () =>
  Number((await sql<{ n: number }>("select count(*)::int as n from invoiced_visit where booking_id = any($1) and deleted_at is null", [bookingIds]))[0].n)

beforeAll(async () => {
  admin = await adminToken()
  // One real visit with its Medusa order; the payers' visits are written straight in, billing that order's service.
  const template = await signUpCustomer({ first_name: "Template", last_name: "Order" })
  const visit = await bookVisit(template.token)
  await completeVisit(admin, visit.id)
  for (let i = 0; i < PAYERS; i++) {
    const created = await api("/admin/customers", {
      token: admin,
      body: { email: `payer${i}.${Date.now()}@killed-cycle.test`, first_name: "Payer", last_name: String(i) },
    })
    expect(created.status, JSON.stringify(created.body)).toBe(200)
    const customer = created.body.customer as { id: string; email: string }
    customerIds.push(customer.id)
    await setCycle(admin, customer.id, { frequency: "monthly", month_day: "last" })
    for (let v = 0; v < VISITS_EACH; v++) {
      const booking = await insertBooking({
        email: customer.email,
        customer_id: customer.id,
        status: "completed",
        starts_at: `2026-01-${10 + v * 5}T10:00:00Z`,
      })
      await sql("update booking set order_id = $1, completed_at = starts_at where id = $2", [visit.order_id, booking.id])
      bookingIds.push(booking.id)
    }
  }
}, 300_000)

describe("the billing-cycles job killed with SIGKILL", () => {
  it("resumes on the next run: every visit on exactly one invoice, each payer's invoice whole and issued", async () => {
    // Small batches (5 payers, one transaction each), so the kill lands between batches or inside one.
    const job = startCycleJob(NOW, { BILLING_CYCLES_BATCH: "5" })
    const deadline = Date.now() + 120_000
    // Killed once a few payers are billed: the run is under way, far from done.
    while (Date.now() < deadline && (await billedVisits()) < VISITS_EACH * 3) await new Promise((resolve) => setTimeout(resolve, 50))
    process.kill(-job.child.pid!, "SIGKILL")
    const { signal } = await job.exited
    expect(signal).toBe("SIGKILL")
    const afterKill = await billedVisits()
    // Killed mid-run: some payers billed, not all.
    expect(afterKill).toBeGreaterThan(0)
    expect(afterKill).toBeLessThan(bookingIds.length)

    const rerun = await runCycleJob(NOW)
    expect(rerun.failed).toBe(0)
    const perVisit = await sql<{ booking_id: string; n: number }>(
      "select b.id as booking_id, (select count(*)::int from invoiced_visit v where v.booking_id = b.id and v.deleted_at is null) as n from booking b where b.id = any($1)",
      [bookingIds]
    )
    expect(perVisit.filter((row) => row.n !== 1)).toEqual([])
    const invoices = await sql<{ customer_id: string; status: string; lines: number; visits: number }>(
      `select i.customer_id, i.status,
              (select count(*)::int from invoice_line l where l.invoice_id = i.id and l.deleted_at is null) as lines,
              (select count(*)::int from invoiced_visit v where v.invoice_id = i.id and v.deleted_at is null) as visits
         from invoice i where i.customer_id = any($1) and i.deleted_at is null and i.status <> 'void'`,
      [customerIds]
    )
    expect(invoices).toHaveLength(PAYERS)
    expect(new Set(invoices.map((invoice) => invoice.customer_id)).size).toBe(PAYERS)
    for (const invoice of invoices) expect(invoice).toMatchObject({ status: "issued", lines: VISITS_EACH, visits: VISITS_EACH })

    // A third run makes nothing.
    const third = await runCycleJob(NOW)
    expect(third.invoices).toBe(0)
  }, 400_000)
})
