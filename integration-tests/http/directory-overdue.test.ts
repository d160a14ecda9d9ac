import { randomUUID } from "node:crypto"
import { beforeAll, describe, expect, it } from "vitest"
import { adminToken, api, eventually, signUpCustomer } from "../support/api"
import { bookSomething } from "../support/customer-records"
import { sql } from "../support/db"
import { bookingInvoice } from "../support/invoices"

/**
 * Issue #17 item 3: the directory's "has overdue invoices" filter, through the API and the export.
 * A completed visit's invoice is owed but not yet due; its due date is then put in the past
 * directly in the database (the API refuses a due date before the issue date), and paying it in
 * full takes the customer off the list again.
 */

type Customer = Awaited<ReturnType<typeof signUpCustomer>>

const bristol = { address_1: "14 Larch Avenue", city: "Bristol", postal_code: "BS6 7QT", country_code: "gb" }
const run = `Ovd${randomUUID().replace(/-/g, "").slice(0, 8)}`
let admin: string
let owing: Customer

const ids = async (query: string) => {
  const response = await api(`/admin/crm/customers?q=${run}&${query}`, { token: admin })
  expect(response.status, JSON.stringify(response.body)).toBe(200)
  return (response.body.customers as { id: string }[]).map((customer) => customer.id)
}

/** Books a clean for the customer and marks it completed; resolves with its invoice once issued. */
async function invoicedVisit(customer: Customer) {
  const { booking } = await bookSomething(customer.token, "regular-home-clean", { address: bristol })
  const done = await api(`/admin/bookings/${booking.id}/status`, { token: admin, body: { status: "completed", early_finish: true } })
  expect(done.status, JSON.stringify(done.body)).toBe(200)
  // Made as a draft, then issued at once (the demo business issues on completion).
  const invoice = await bookingInvoice(admin, booking.id, (found) => found.status !== "draft")
  return invoice
}

beforeAll(async () => {
  admin = await adminToken()
  owing = await signUpCustomer({ first_name: "Olive", last_name: `Owing${run}` })
  await signUpCustomer({ first_name: "Quentin", last_name: `Quits${run}` })
}, 120_000)

describe("the directory's overdue invoices filter", () => {
  it("lists a customer once an open invoice's due date has passed, and not after it is paid", async () => {
    const invoice = await invoicedVisit(owing)
    expect(["issued", "partially_paid"]).toContain(invoice.status)
    // Owed, not yet due: the row knows when it falls due, and nobody is overdue.
    await eventually(async () => {
      const { body } = await api(`/admin/crm/customers?q=${run}&order=name`, { token: admin })
      const row = body.customers.find((customer: { id: string }) => customer.id === owing.customer.id)
      expect(new Date(row.open_invoice_due_at).getTime()).toBe(new Date(invoice.due_at).getTime())
    })
    expect(new Date(invoice.due_at).getTime()).toBeGreaterThan(Date.now())
    expect(await ids("has_overdue_invoices=true")).toEqual([])
    expect((await ids("has_overdue_invoices=false&order=name")).length).toBe(2)

    // Two days late, written straight into the database; any change to the customer refreshes the row.
    await sql(`update invoice set due_at = now() - interval '2 days' where id = $1`, [invoice.id])
    const touched = await api(`/admin/customers/${owing.customer.id}`, { token: admin, body: { metadata: { touched: run } } })
    expect(touched.status).toBe(200)
    await eventually(async () => expect(await ids("has_overdue_invoices=true")).toEqual([owing.customer.id]))
    expect(await ids("has_overdue_invoices=false")).not.toContain(owing.customer.id)
    // The export takes the same filter.
    const exported = await api(`/admin/crm/customers/export?q=${run}&has_overdue_invoices=true`, { token: admin })
    expect(exported.status).toBe(200)
    expect(String(exported.body)).toContain(owing.email)
    expect(String(exported.body).split("\n").filter(Boolean)).toHaveLength(2)

    // Paid in full: the payment's history line refreshes the row.
    const paid = await api(`/admin/invoices/${invoice.id}/payments`, {
      token: admin,
      body: { kind: "payment", method: "bank_transfer", amount: invoice.balance.toFixed(2), reference: run },
    })
    expect(paid.status, JSON.stringify(paid.body)).toBe(201)
    expect(paid.body.invoice.status).toBe("paid")
    await eventually(async () => expect(await ids("has_overdue_invoices=true")).toEqual([]))
    expect(await ids("has_overdue_invoices=false")).toContain(owing.customer.id)
  }, 120_000)

  it("lists the bill payer, not the customer, when someone else pays the overdue invoice", async () => {
    const [tenant, agency] = await Promise.all([
      signUpCustomer({ first_name: "Tam", last_name: `Tenant${run}` }),
      signUpCustomer({ first_name: "Ada", last_name: `Agency${run}` }),
    ])
    const payer = await api(`/admin/customers/${tenant.customer.id}/bill-payer`, {
      token: admin,
      body: { pays: "other_customer", payer_id: agency.customer.id },
    })
    expect(payer.status, JSON.stringify(payer.body)).toBe(200)
    const invoice = await invoicedVisit(tenant)
    await sql(`update invoice set due_at = now() - interval '2 days' where id = $1`, [invoice.id])
    for (const who of [tenant, agency]) {
      expect((await api(`/admin/customers/${who.customer.id}`, { token: admin, body: { metadata: { touched: run } } })).status).toBe(200)
    }
    await eventually(async () => expect(await ids("has_overdue_invoices=true")).toContain(agency.customer.id))
    expect(await ids("has_overdue_invoices=true")).not.toContain(tenant.customer.id)
  }, 120_000)

  it("answers a filter value it doesn't know with a 400 that says what it takes", async () => {
    for (const path of ["/admin/crm/customers", "/admin/crm/customers/export"]) {
      const response = await api(`${path}?has_overdue_invoices=maybe`, { token: admin })
      expect(response.status, path).toBe(400)
      expect(response.body.message, path).toMatch(/has_overdue_invoices must be "true" or "false"/)
    }
  })
})
