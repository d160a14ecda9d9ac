/**
 * Issue #18 item 2: billing cycles. A monthly customer's completed visits wait; the hourly job (its
 * clock pinned through `medusa exec`) issues one invoice per payer when the period has closed,
 * listing every visit, due by the customer's terms; rerun, it makes nothing. "Bill now" bills the
 * waiting visits once however often it is pressed; the preview is what the run invoices. Weekly
 * and fortnightly periods close on their day; a business profile's own cycle bills its visits.
 */
import { beforeAll, describe, expect, it } from "vitest"
import { adminToken, api, eventually, signUpCustomer } from "../support/api"
import { addDay, bookVisit, completeVisit, localDay, middayOf, runCycleJob, setCycle } from "../support/billing-cycles"
import { insertBooking } from "../support/bookings"
import { sql } from "../support/db"

type Customer = Awaited<ReturnType<typeof signUpCustomer>>
let admin: string

const invoicesOf = async (customerId: string) =>
  (await api(`/admin/invoices?customer_id=${customerId}&limit=50`, { token: admin })).body.invoices as { id: string; status: string }[]
const invoice = async (id: string) => (await api(`/admin/invoices/${id}`, { token: admin })).body.invoice
const cycleCard = async (customerId: string) => {
  const response = await api(`/admin/customers/${customerId}/billing-cycle`, { token: admin })
  expect(response.status, JSON.stringify(response.body)).toBe(200)
  return response.body
}
/** How many invoices that stand bill the visit (0 waiting, 1 billed; never 2). */
const billedCount = async (bookingId: string) =>
  Number((await sql<{ n: number }>("select count(*)::int as n from invoiced_visit where booking_id = $1 and deleted_at is null", [bookingId]))[0].n)

/** Gives the completion's subscriber time to (not) invoice the visit. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 1500))

beforeAll(async () => {
  admin = await adminToken()
}, 120_000)

describe("a monthly customer", () => {
  let alice: Customer
  const visits: Awaited<ReturnType<typeof bookVisit>>[] = []

  beforeAll(async () => {
    alice = await signUpCustomer({ first_name: "Alice", last_name: "Monthly" })
    await api(`/admin/customers/${alice.customer.id}/profile`, { token: admin, body: { payment_terms_days: 30 } })
    const card = await setCycle(admin, alice.customer.id, { frequency: "monthly", month_day: "last" })
    expect(card.cycle.description).toBe("Monthly, closing on the last day of the month")
    for (let i = 0; i < 3; i++) {
      const booking = await bookVisit(alice.token)
      await completeVisit(admin, booking.id)
      visits.push(booking)
    }
    await settle()
  }, 120_000)

  it("keeps completed visits uninvoiced, listed with amounts and a total as waiting for the next invoice", async () => {
    expect(await invoicesOf(alice.customer.id)).toEqual([])
    const card = await cycleCard(alice.customer.id)
    expect(card.waiting).toHaveLength(1)
    const [waiting] = card.waiting
    expect(waiting.bill_to_name).toBe("Alice Monthly")
    expect(waiting.visits.map((v: { booking_id: string }) => v.booking_id).sort()).toEqual(visits.map((v) => v.id).sort())
    const sum = waiting.visits.reduce((total: number, v: { total: number }) => total + v.total, 0)
    expect(waiting.total).toBeCloseTo(sum, 2)
    expect(waiting.visits[0].service).toContain(visits[0].service_title)
    // The activity history says the cycle changed.
    const activity = await api(`/admin/customers/${alice.customer.id}/activity?kind=billing_cycle_changed`, { token: admin })
    expect(activity.body.activity[0].message).toContain('to "Monthly, closing on the last day of the month"')
  })

  it("is invoiced by the job once the month has closed: one invoice, every visit, the preview's total, due by the customer's terms; a rerun makes nothing", async () => {
    const preview = (await cycleCard(alice.customer.id)).waiting[0]
    const lastVisitDay = visits
      .map((v) => localDay(v.starts_at))
      .sort()
      .at(-1)!
    // The last day of that visit's month: the run on it makes nothing; the run the day after bills the month.
    const [year, month] = lastVisitDay.split("-").map(Number)
    const monthEnd = new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10)
    const before = await runCycleJob(middayOf(monthEnd))
    expect(before.failed).toBe(0)
    const earlyVisits = visits.filter((v) => localDay(v.starts_at) < `${lastVisitDay.slice(0, 7)}-01`)
    expect((await invoicesOf(alice.customer.id)).length).toBe(earlyVisits.length ? 1 : 0)
    if (earlyVisits.length) return // Visits straddled a month end: the month-by-month case is the weekly test's.

    const ran = await runCycleJob(middayOf(addDay(monthEnd, 1)))
    expect(ran.failed).toBe(0)
    const [listed, ...others] = await invoicesOf(alice.customer.id)
    expect(others).toEqual([])
    const issued = await invoice(listed.id)
    expect(issued.status).toBe("issued")
    expect(issued.lines.map((l: { booking_number: string }) => l.booking_number).sort()).toEqual(visits.map((v) => v.booking_number).sort())
    for (const line of issued.lines) {
      expect(line.visit_address).toContain("Bristol")
      expect(line.visit_date).toBeTruthy()
    }
    expect(issued.total).toBe(preview.total)
    expect(issued.tax_total).toBe(preview.tax_total)
    expect(issued.due_rule).toBe("customer")
    expect(issued.due_rule_text).toBe("Net 30, the customer's payment terms")
    expect(localDay(issued.due_at)).toBe(addDay(localDay(issued.issued_at), 30))
    expect((await cycleCard(alice.customer.id)).waiting).toEqual([])

    // Run again on the same day, and again the next day: nothing new, each visit on one invoice.
    const again = await runCycleJob(middayOf(addDay(monthEnd, 1)))
    const nextDay = await runCycleJob(middayOf(addDay(monthEnd, 2)))
    expect(await invoicesOf(alice.customer.id)).toHaveLength(1)
    for (const visit of visits) expect(await billedCount(visit.id)).toBe(1)
    expect(again.failed + nextDay.failed).toBe(0)
  }, 300_000)
})

describe("bill now", () => {
  it("bills the waiting visits on one invoice at once; a double click bills nothing twice", async () => {
    const bob = await signUpCustomer({ first_name: "Bob", last_name: "Weekly" })
    await setCycle(admin, bob.customer.id, { frequency: "weekly", weekday: 5 })
    const first = await bookVisit(bob.token)
    const second = await bookVisit(bob.token)
    await completeVisit(admin, first.id)
    await completeVisit(admin, second.id)
    await settle()
    const preview = (await cycleCard(bob.customer.id)).waiting[0]
    expect(preview.visits).toHaveLength(2)

    const [a, b] = await Promise.all([
      api(`/admin/customers/${bob.customer.id}/billing-cycle/bill-now`, { token: admin, body: {} }),
      api(`/admin/customers/${bob.customer.id}/billing-cycle/bill-now`, { token: admin, body: {} }),
    ])
    expect([a.status, b.status]).toEqual([200, 200])
    expect([a.body.message, b.body.message].sort()).toEqual(["1 invoice made for 2 visits.", "Nothing is waiting to be invoiced."])
    const listed = await invoicesOf(bob.customer.id)
    expect(listed).toHaveLength(1)
    const made = await eventually(async () => {
      const found = await invoice(listed[0].id)
      if (found.status === "draft") throw new Error("not issued yet")
      return found
    })
    expect(made.lines).toHaveLength(2)
    expect(made.total).toBe(preview.total)
    expect(await billedCount(first.id)).toBe(1)
    expect(await billedCount(second.id)).toBe(1)
    expect((await cycleCard(bob.customer.id)).waiting).toEqual([])
    // The customer sees it in the portal with both visits.
    const mine = await api(`/store/customers/me/invoices/${made.id}`, { token: bob.token })
    expect(mine.status).toBe(200)
    expect(mine.body.invoice.lines).toHaveLength(2)
  })

  it("answers 404 for an unknown customer and for another customer's business profile, 400 with a readable message for a bad cycle", async () => {
    const unknown = await api("/admin/customers/cus_nobody/billing-cycle/bill-now", { token: admin, body: {} })
    expect(unknown.status).toBe(404)
    expect((await api("/admin/customers/cus_nobody/billing-cycle", { token: admin })).status).toBe(404)
    const owner = await signUpCustomer({ first_name: "Olga", last_name: "Owner" })
    const profile = await api("/store/customers/me/business-profiles", {
      token: owner.token,
      body: {
        name: "Owner Ltd",
        billing_email: "accounts@owner.example.test",
        address_1: "1 High St",
        city: "Bristol",
        postal_code: "BS1 1AA",
        country_code: "gb",
      },
    })
    expect(profile.status, JSON.stringify(profile.body)).toBe(201)
    const other = await signUpCustomer({ first_name: "Ian", last_name: "Intruder" })
    const foreign = await api(`/admin/customers/${other.customer.id}/billing-cycle`, {
      token: admin,
      body: { business_profile_id: profile.body.business_profile.id, frequency: "monthly", month_day: 1 },
    })
    expect(foreign.status).toBe(404)
    const bad = await api(`/admin/customers/${other.customer.id}/billing-cycle`, { token: admin, body: { frequency: "monthly", month_day: 31 } })
    expect(bad.status).toBe(400)
    expect(bad.body.message).toContain('month_day must be a day from 1 to 28, or "last"')
    const noDay = await api(`/admin/customers/${other.customer.id}/billing-cycle`, { token: admin, body: { frequency: "weekly" } })
    expect(noDay.status).toBe(400)
    expect(noDay.body.message).toContain("A weekly cycle needs the weekday it closes on")
  })
})

describe("periods closing on their day", () => {
  it("weekly: the run on the close day makes nothing, the run the day after bills the week", async () => {
    const wes = await signUpCustomer({ first_name: "Wes", last_name: "Weekly" })
    const booking = await bookVisit(wes.token)
    const day = localDay(booking.starts_at)
    const weekday = new Date(`${day}T12:00:00Z`).getUTCDay()
    await setCycle(admin, wes.customer.id, { frequency: "weekly", weekday })
    await completeVisit(admin, booking.id)
    await settle()
    expect((await cycleCard(wes.customer.id)).cycle.period).toBeTruthy()
    await runCycleJob(new Date(`${day}T21:30:00Z`))
    expect(await invoicesOf(wes.customer.id)).toEqual([])
    await runCycleJob(middayOf(addDay(day, 1)))
    const [made] = await invoicesOf(wes.customer.id)
    expect((await invoice(made.id)).period.closes_on).toBe(day)
    expect(await billedCount(booking.id)).toBe(1)
  }, 180_000)

  it("fortnightly: counts fortnights from the anchor, so the week between bills nothing", async () => {
    const fay = await signUpCustomer({ first_name: "Fay", last_name: "Fortnightly" })
    const booking = await bookVisit(fay.token)
    const day = localDay(booking.starts_at)
    // The period closes a week after the visit; its anchor a fortnight before that.
    await setCycle(admin, fay.customer.id, { frequency: "fortnightly", anchor_date: addDay(day, 7 - 14) })
    await completeVisit(admin, booking.id)
    await settle()
    await runCycleJob(middayOf(addDay(day, 1)))
    expect(await invoicesOf(fay.customer.id)).toEqual([])
    await runCycleJob(middayOf(addDay(day, 8)))
    expect(await invoicesOf(fay.customer.id)).toHaveLength(1)
  }, 180_000)

  it("a business profile's own cycle: its visits wait, the customer's other visits are invoiced per visit", async () => {
    const carl = await signUpCustomer({ first_name: "Carl", last_name: "Carter" })
    const profile = await api("/store/customers/me/business-profiles", {
      token: carl.token,
      body: {
        name: "Carter Cleaning Ltd",
        billing_email: "accounts@carter.example.test",
        address_1: "2 Quay St",
        city: "Bristol",
        postal_code: "BS1 4DJ",
        country_code: "gb",
      },
    })
    const profileId = profile.body.business_profile.id
    await setCycle(admin, carl.customer.id, { business_profile_id: profileId, frequency: "monthly", month_day: 28 })
    const forCompany = await bookVisit(carl.token, { business_profile_id: profileId })
    const forHome = await bookVisit(carl.token)
    await completeVisit(admin, forCompany.id)
    await completeVisit(admin, forHome.id)
    await eventually(async () => expect(await billedCount(forHome.id)).toBe(1), 20_000)
    await settle()
    expect(await billedCount(forCompany.id)).toBe(0)
    const card = await cycleCard(carl.customer.id)
    expect(card.cycle.setting.frequency).toBe("per_visit")
    expect(card.business_profiles[0]).toMatchObject({ own: true, name: "Carter Cleaning Ltd", description: "Monthly, closing on the 28th of the month" })
    expect(card.waiting).toHaveLength(1)
    expect(card.waiting[0].bill_to_name).toBe("Carter Cleaning Ltd")
    const billed = await api(`/admin/customers/${carl.customer.id}/billing-cycle/bill-now`, { token: admin, body: {} })
    expect(billed.body.message).toBe("1 invoice made for 1 visit.")
    const made = await invoice(billed.body.invoice_ids[0])
    expect(made.bill_to.name).toBe("Carter Cleaning Ltd")
  })
})

describe("a payer's visits in two currencies", () => {
  it("are two invoices, one per currency, each listing its own visits; a rerun makes neither again", async () => {
    const cora = await signUpCustomer({ first_name: "Cora", last_name: "Currencies" })
    await setCycle(admin, cora.customer.id, { frequency: "monthly", month_day: "last" })
    // Two real orders (their services and prices); the second made out in euros.
    const orders: string[] = []
    for (let i = 0; i < 2; i++) {
      const visit = await bookVisit(cora.token)
      orders.push(visit.order_id)
    }
    await sql(`update "order" set currency_code = 'eur' where id = $1`, [orders[1]])
    // A January long past: its period closed, so the run bills it whatever today is.
    const visits = []
    for (const [day, order] of [
      ["2026-01-08", orders[0]],
      ["2026-01-12", orders[1]],
      ["2026-01-20", orders[0]],
    ]) {
      const booking = await insertBooking({ email: cora.customer.email, customer_id: cora.customer.id, status: "completed", starts_at: `${day}T10:00:00Z` })
      await sql("update booking set order_id = $1, completed_at = starts_at where id = $2", [order, booking.id])
      visits.push(booking)
    }
    const waiting = (await cycleCard(cora.customer.id)).waiting as { currency_code: string; visits: unknown[] }[]
    expect(waiting.map((w) => [w.currency_code, w.visits.length]).sort()).toEqual([
      ["eur", 1],
      ["gbp", 2],
    ])

    const ran = await runCycleJob(new Date("2026-02-02T12:00:00Z"))
    expect(ran.failed).toBe(0)
    const made = await Promise.all((await invoicesOf(cora.customer.id)).map((listed) => invoice(listed.id)))
    expect(made.map((one) => [one.currency_code, one.status, one.lines.length]).sort()).toEqual([
      ["eur", "issued", 1],
      ["gbp", "issued", 2],
    ])
    for (const visit of visits) expect(await billedCount(visit.id)).toBe(1)
    await runCycleJob(new Date("2026-02-02T12:00:00Z"))
    expect(await invoicesOf(cora.customer.id)).toHaveLength(2)
    // Emailed after the run by the invoice-emails job (each minute), each invoice once.
    const emails = () =>
      sql<{ resource_id: string; n: number }>(
        `select resource_id, count(*)::int as n from notification where template = 'invoice-issued' and channel = 'email' and resource_id = any($1) group by resource_id`,
        [made.map((one) => one.id)]
      )
    await eventually(async () => expect((await emails()).length).toBe(2), 150_000)
    expect((await emails()).map((row) => row.n)).toEqual([1, 1])
  }, 400_000)
})
