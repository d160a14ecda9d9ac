import { beforeAll, describe, expect, it } from "vitest"
import { adminToken, api, signUpCustomer } from "../support/api"
import { sql } from "../support/db"
import { completedVisit, issued } from "../support/invoices"

/**
 * Issue #17 item 5, the staff side: the Invoices page's CSV export (same filters as the list),
 * the booking filter the booking page uses, and the customer page's billing summary.
 */

type Customer = Awaited<ReturnType<typeof signUpCustomer>>
let admin: string
let carol: Customer
let dave: Customer

const parseCsv = (text: string) =>
  text
    .trim()
    .split("\r\n")
    .map((line) => line.split(","))

beforeAll(async () => {
  admin = await adminToken()
  carol = await signUpCustomer({ first_name: "Carol", last_name: "Ledger" })
  dave = await signUpCustomer({ first_name: "Dave", last_name: "Elsewhere" })
}, 120_000)

describe("GET /admin/invoices/export", () => {
  it("streams the invoices the list's filters match, in its order, with exact amounts", async () => {
    const first = await issued(admin, (await completedVisit(admin, carol)).invoice)
    const second = await issued(admin, (await completedVisit(admin, carol)).invoice)
    await completedVisit(admin, dave)
    // A part payment, so paid and balance differ from the total.
    const paid = await api(`/admin/invoices/${second.id}/payments`, { token: admin, body: { method: "cash", amount: "10.00" } })
    expect(paid.status, JSON.stringify(paid.body)).toBe(201)

    const response = await api(`/admin/invoices/export?customer_id=${carol.customer.id}&order=created_at`, { token: admin })
    expect(response.status).toBe(200)
    expect(response.headers["content-type"]).toContain("text/csv")
    expect(response.headers["content-disposition"]).toMatch(/^attachment; filename="invoices-\d{4}-\d{2}-\d{2}\.csv"$/)
    const [header, ...rows] = parseCsv(response.body as string)
    expect(header).toEqual([
      "number",
      "status",
      "overdue",
      "customer",
      "customer_email",
      "customer_id",
      "issued_on",
      "due_on",
      "currency",
      "subtotal",
      "tax",
      "total",
      "credited",
      "paid",
      "balance",
      "id",
    ])
    const column = (name: string) => header.indexOf(name)
    expect(rows.map((row) => row[column("id")])).toEqual([first.id, second.id])
    const row = rows[1]
    expect(row[column("number")]).toBe(second.number)
    expect(row[column("status")]).toBe("Partially paid")
    expect(row[column("customer")]).toBe("Carol Ledger")
    expect(row[column("customer_email")]).toBe(carol.email)
    expect(row[column("currency")]).toBe("GBP")
    expect(row[column("total")]).toBe(second.total.toFixed(2))
    expect(row[column("paid")]).toBe("10.00")
    expect(row[column("balance")]).toBe((second.total - 10).toFixed(2))
    expect(row[column("issued_on")]).toMatch(/^\d{4}-\d{2}-\d{2}$/)

    // The same filters as the list: status narrows it, newest first by default.
    const partly = parseCsv((await api(`/admin/invoices/export?customer_id=${carol.customer.id}&status=partially_paid`, { token: admin })).body as string)
    expect(partly.slice(1).map((r) => r[column("id")])).toEqual([second.id])
    const list = await api(`/admin/invoices?customer_id=${carol.customer.id}`, { token: admin })
    // Dates are days of the business's calendar: the admin shows them in its time zone, not the browser's.
    expect(list.body.time_zone).toBe("Europe/London")
    expect((await api(`/admin/invoices/${second.id}`, { token: admin })).body.time_zone).toBe("Europe/London")
    const all = parseCsv((await api(`/admin/invoices/export?customer_id=${carol.customer.id}`, { token: admin })).body as string)
    expect(all.slice(1).map((r) => r[column("id")])).toEqual(list.body.invoices.map((i: { id: string }) => i.id))
  })

  it("refuses filters it doesn't know, or out of order, with a sentence", async () => {
    const bad = await api("/admin/invoices/export?status=nope", { token: admin })
    expect(bad.status).toBe(400)
    expect(bad.body.message).toMatch(/draft, issued, partially_paid, paid, void.*status/)
    const paging = await api("/admin/invoices/export?limit=5", { token: admin })
    expect(paging.status).toBe(400)
    const dates = await api("/admin/invoices/export?issued_from=2026-05-02&issued_to=2026-05-01", { token: admin })
    expect(dates.status).toBe(400)
    expect(dates.body.message).toContain("issued_from must be on or before issued_to")
    expect((await api("/admin/invoices/export")).status).toBe(401)
  })
})

describe("the list's booking filter", () => {
  it("finds a visit's invoice, and nothing for a booking without one", async () => {
    const { booking, invoice } = await completedVisit(admin, dave)
    const found = await api(`/admin/invoices?booking_id=${booking.id}`, { token: admin })
    expect(found.body.invoices.map((i: { id: string }) => i.id)).toEqual([invoice.id])
    const none = await api("/admin/invoices?booking_id=bk_nothing_here", { token: admin })
    expect(none.body).toMatchObject({ invoices: [], count: 0 })
  })
})

describe("GET /admin/customers/:id/billing-summary", () => {
  it("gives terms, what is owed, what is overdue, the last payment and the latest invoices", async () => {
    const erin = await signUpCustomer({ first_name: "Erin", last_name: "Summary" })
    const empty = await api(`/admin/customers/${erin.customer.id}/billing-summary`, { token: admin })
    expect(empty.status).toBe(200)
    expect(empty.body.time_zone).toBe("Europe/London")
    expect(empty.body.summary).toMatchObject({
      customer_id: erin.customer.id,
      currency_code: null,
      balance: 0,
      overdue_total: 0,
      last_payment: null,
      invoice_count: 0,
      recent_invoices: [],
      terms: { rule: "company" },
    })
    expect(empty.body.summary.terms.text).toMatch(/the company's default terms$/)

    const one = await issued(admin, (await completedVisit(admin, erin)).invoice)
    const two = await issued(admin, (await completedVisit(admin, erin)).invoice)
    // No route sets a due date in the past (before the issue date is refused): the clock is moved on for `two` instead.
    await sql("update invoice set due_at = now() - interval '2 days' where id = $1", [two.id])
    const paid = await api(`/admin/invoices/${one.id}/payments`, {
      token: admin,
      body: { method: "bank_transfer", amount: "5.00", reference: "BACS 7781" },
    })
    expect(paid.status, JSON.stringify(paid.body)).toBe(201)
    await api(`/admin/customers/${erin.customer.id}/profile`, { token: admin, body: { payment_terms_days: 21 } })

    const { status, body } = await api(`/admin/customers/${erin.customer.id}/billing-summary`, { token: admin })
    expect(status).toBe(200)
    const summary = body.summary
    expect(summary.currency_code).toBe("gbp")
    expect(summary.terms).toEqual({ days: 21, rule: "customer", text: "Net 21, the customer's payment terms" })
    expect(summary.open_count).toBe(2)
    expect(summary.balance).toBeCloseTo(one.total + two.total - 5, 2)
    expect(summary.overdue_total).toBe(two.total)
    expect(summary.overdue_count).toBe(1)
    expect(summary.last_payment).toMatchObject({ amount: 5, method: "bank_transfer", reference: "BACS 7781", invoice_id: one.id, invoice_number: one.number })
    expect(summary.invoice_count).toBe(2)
    expect(summary.recent_invoices.map((i: { id: string }) => i.id)).toEqual([two.id, one.id])
  })

  it("answers 404 for a customer that doesn't exist, and refuses parameters", async () => {
    const missing = await api("/admin/customers/cus_does_not_exist/billing-summary", { token: admin })
    expect(missing.status).toBe(404)
    expect(missing.body.message).toContain("cus_does_not_exist")
    const extra = await api(`/admin/customers/${carol.customer.id}/billing-summary?limit=3`, { token: admin })
    expect(extra.status).toBe(400)
    expect((await api(`/admin/customers/${carol.customer.id}/billing-summary`, { token: carol.token })).status).toBe(401)
  })
})
