/**
 * Issue #18 item 3: bill payers. Staff send a customer's invoices (all, or one business profile's)
 * to another customer or a new billing contact; a visit's invoice is then made out to the payer,
 * emailed to them and in their portal, where they pay it; the customer still has their visits but
 * not the invoices; anyone else gets 404. A payer of two customers on the same cycle gets one
 * consolidated invoice naming each visit's customer, and their statement covers what they pay.
 */
import { formatMoney } from "@fieldservice/contract"
import { beforeAll, describe, expect, it } from "vitest"
import { adminToken, api, eventually, latestEmail, signUpCustomer, uniqueEmail } from "../support/api"
import { addDay, bookVisit, completeVisit, localDay, middayOf, runCycleJob, setCycle } from "../support/billing-cycles"
import { sql } from "../support/db"
import { completedVisit, issued } from "../support/invoices"
import { saveCard } from "../support/stripe"

type Customer = Awaited<ReturnType<typeof signUpCustomer>>
let admin: string
let agency: Customer
let tenant: Customer
let stranger: Customer

const setPayer = (customerId: string, body: Record<string, unknown>) => api(`/admin/customers/${customerId}/bill-payer`, { token: admin, body })
const card = async (customerId: string) => (await api(`/admin/customers/${customerId}/bill-payer`, { token: admin })).body
const activity = async (customerId: string, kind: string) =>
  (await api(`/admin/customers/${customerId}/activity?kind=${kind}`, { token: admin })).body.activity as { message: string }[]
const listed = async (customer: Customer) =>
  ((await api("/store/customers/me/invoices?view=all", { token: customer.token })).body.invoices as { id: string }[]).map((i) => i.id)
const key = () => `test_${Date.now()}_${Math.random().toString(36).slice(2)}`

beforeAll(async () => {
  admin = await adminToken()
  agency = await signUpCustomer({ first_name: "Harbour", last_name: "Lettings", kind: "business" })
  tenant = await signUpCustomer({ first_name: "Tess", last_name: "Tenant" })
  stranger = await signUpCustomer({ first_name: "Sam", last_name: "Stranger" })
}, 120_000)

describe("setting who pays", () => {
  it("defaults to the customer, and refuses the customer themself, unknown ids and bad bodies with readable 4xx", async () => {
    expect(await card(tenant.customer.id)).toMatchObject({ payer: null, pays_for: [] })
    const self = await setPayer(tenant.customer.id, { pays: "other_customer", payer_id: tenant.customer.id })
    expect(self.status).toBe(400)
    expect(self.body.message).toMatch(/can't be their own bill payer/)
    const unknown = await setPayer(tenant.customer.id, { pays: "other_customer", payer_id: "cus_nobody" })
    expect(unknown.status).toBe(400)
    expect(unknown.body.message).toMatch(/no customer with id cus_nobody/)
    const profile = await setPayer(tenant.customer.id, { pays: "customer", business_profile_id: "bizp_nope" })
    expect(profile.status).toBe(404)
    const bad = await setPayer(tenant.customer.id, { pays: "someone" })
    expect(bad.status).toBe(400)
    expect(bad.body.message).toMatch(/pays must be customer, other_customer or billing_contact/)
    expect((await setPayer("cus_nobody", { pays: "customer" })).status).toBe(404)
  })

  it("sends the tenant's invoices to the agency, with a line in both histories", async () => {
    const response = await setPayer(tenant.customer.id, { pays: "other_customer", payer_id: agency.customer.id })
    expect(response.status, JSON.stringify(response.body)).toBe(200)
    expect(response.body.payer).toMatchObject({ customer_id: agency.customer.id, name: "Harbour Lettings" })
    expect((await card(agency.customer.id)).pays_for).toEqual([expect.objectContaining({ customer_id: tenant.customer.id, name: "Tess Tenant" })])
    expect((await activity(tenant.customer.id, "bill_payer_changed"))[0].message).toBe("Invoices now go to Harbour Lettings.")
    expect((await activity(agency.customer.id, "bill_payer_added"))[0].message).toBe("Now pays the invoices of Tess Tenant.")
  })

  it("refuses chains: a payer whose invoices go elsewhere, or a customer who pays for others getting a payer", async () => {
    const payerOfPayer = await setPayer(agency.customer.id, { pays: "other_customer", payer_id: stranger.customer.id })
    expect(payerOfPayer.status).toBe(400)
    expect(payerOfPayer.body.message).toMatch(/pays other customers' invoices/)
    const viaTenant = await setPayer(stranger.customer.id, { pays: "other_customer", payer_id: tenant.customer.id })
    expect(viaTenant.status).toBe(400)
    expect(viaTenant.body.message).toMatch(/own invoices go to another payer/)
    expect((await card(stranger.customer.id)).payer).toBeNull()
  })

  it("makes a new billing contact a customer, invites them to the portal, and refuses an email a customer has already", async () => {
    const landlord = await signUpCustomer({ first_name: "Lou", last_name: "Landlord" })
    const email = uniqueEmail("head.office")
    const response = await setPayer(landlord.customer.id, {
      pays: "billing_contact",
      contact: {
        name: "Hana Office",
        email,
        company: "Head Office Ltd",
        address: { address_1: "1 Quay St", city: "Bristol", postal_code: "bs1 4dj", country_code: "GB" },
      },
    })
    expect(response.status, JSON.stringify(response.body)).toBe(200)
    expect(response.body.payer).toMatchObject({ name: "Hana Office", email, company: "Head Office Ltd" })
    const invite = await latestEmail(email, "portal-invite")
    expect(invite.to).toBe(email)
    const again = await setPayer(stranger.customer.id, { pays: "billing_contact", contact: { name: "Someone", email } })
    expect(again.status).toBe(422)
    expect(again.body.message).toMatch(/exists already/)
    const badPostcode = await setPayer(stranger.customer.id, {
      pays: "billing_contact",
      contact: { name: "X", email: uniqueEmail("x"), address: { address_1: "1 A St", city: "B", postal_code: "ZZ99 9ZZ", country_code: "gb" } },
    })
    expect(badPostcode.status).toBe(400)
    // Back to the customer: the contact no longer pays for them.
    expect((await setPayer(landlord.customer.id, { pays: "customer" })).body.payer).toBeNull()
    expect((await card(response.body.payer.customer_id)).pays_for).toEqual([])
  })
})

describe("a visit's invoice with a bill payer", () => {
  let invoice: {
    id: string
    number: string
    total: number
    payer_id: string
    customer_id: string
    bill_to: { name: string; email: string }
    lines: { description: string }[]
  }

  beforeAll(async () => {
    const visit = await completedVisit(admin, tenant)
    invoice = await issued(admin, visit.invoice)
  }, 120_000)

  it("is made out to and emailed to the payer, with its PDF", async () => {
    expect(invoice).toMatchObject({ customer_id: tenant.customer.id, payer_id: agency.customer.id })
    expect(invoice.bill_to).toMatchObject({ name: "Harbour Lettings", email: agency.email })
    expect(invoice.lines.every((line) => line.description.startsWith("Tess Tenant: "))).toBe(true)
    const email = await latestEmail(agency.email, "invoice-issued")
    expect(email.data.invoice_number).toBe(invoice.number)
    const toTenant = await sql(`select id from notification where "to" = $1 and template = 'invoice-issued'`, [tenant.email])
    expect(toTenant).toEqual([])
    // Both histories name it: the visit's customer's and the payer's.
    for (const customer of [tenant, agency]) {
      const lines = await eventually(async () => {
        const found = await activity(customer.customer.id, "invoice_issued")
        if (!found.length) throw new Error("no history line yet")
        return found
      })
      expect(lines.map((line) => line.message)).toContain(`Invoice ${invoice.number} for ${formatMoney(invoice.total, "gbp")} was issued.`)
    }
  })

  it("is the payer's in the portal: listed, shown, its PDF; the customer and anyone else get 404", async () => {
    expect(await listed(agency)).toContain(invoice.id)
    expect(await listed(tenant)).not.toContain(invoice.id)
    expect(await listed(stranger)).not.toContain(invoice.id)
    expect((await api(`/store/customers/me/invoices/${invoice.id}`, { token: agency.token })).status).toBe(200)
    expect((await api(`/store/customers/me/invoices/${invoice.id}/pdf`, { token: agency.token })).status).toBe(200)
    for (const other of [tenant, stranger]) {
      expect((await api(`/store/customers/me/invoices/${invoice.id}`, { token: other.token })).status).toBe(404)
      expect((await api(`/store/customers/me/invoices/${invoice.id}/pdf`, { token: other.token })).status).toBe(404)
    }
    // The customer still has the visit.
    const bookings = await api("/store/customers/me/bookings?when=past", { token: tenant.token })
    expect(bookings.status).toBe(200)
  })

  it("is on the payer's statement, not the customer's", async () => {
    const ofAgency = (await api("/store/customers/me/statement", { token: agency.token })).body.statement
    expect(ofAgency.entries.map((e: { invoice_id: string }) => e.invoice_id)).toContain(invoice.id)
    expect(ofAgency.customer.id).toBe(agency.customer.id)
    const ofTenant = (await api("/store/customers/me/statement", { token: tenant.token })).body.statement
    expect(ofTenant.entries.map((e: { invoice_id: string }) => e.invoice_id)).not.toContain(invoice.id)
  })

  it("can be paid online by the payer only: the customer and a stranger starting a payment get 404", async () => {
    for (const other of [tenant, stranger]) {
      const otherCard = await saveCard(other.token)
      const refused = await api("/store/customers/me/invoice-payments", {
        token: other.token,
        body: { invoice_ids: [invoice.id], saved_card_id: otherCard, idempotency_key: key() },
      })
      expect(refused.status, JSON.stringify(refused.body)).toBe(404)
    }
    const agencyCard = await saveCard(agency.token)
    const paid = await api("/store/customers/me/invoice-payments", {
      token: agency.token,
      body: { invoice_ids: [invoice.id], saved_card_id: agencyCard, idempotency_key: key() },
    })
    expect(paid.status, JSON.stringify(paid.body)).toBe(200)
    expect(paid.body.checkout.status).toBe("succeeded")
    const after = (await api(`/store/customers/me/invoices/${invoice.id}`, { token: agency.token })).body.invoice
    expect(after.status).toBe("paid")
  })
})

describe("a payer of two customers on the same monthly cycle", () => {
  let office: Customer
  const tenants: Customer[] = []
  const visits: { id: string; starts_at: string; customer: Customer }[] = []

  beforeAll(async () => {
    office = await signUpCustomer({ first_name: "Central", last_name: "Office", kind: "business" })
    for (const name of ["Ada", "Ben"]) {
      const customer = await signUpCustomer({ first_name: name, last_name: "Flat" })
      tenants.push(customer)
      await setCycle(admin, customer.customer.id, { frequency: "monthly", month_day: "last" })
      expect((await setPayer(customer.customer.id, { pays: "other_customer", payer_id: office.customer.id })).status).toBe(200)
      for (let i = 0; i < 2; i++) {
        const booking = await bookVisit(customer.token)
        await completeVisit(admin, booking.id)
        visits.push({ id: booking.id, starts_at: booking.starts_at, customer })
      }
    }
  }, 180_000)

  it("shows the payer as who the waiting visits will be invoiced to", async () => {
    const cycle = (await api(`/admin/customers/${tenants[0].customer.id}/billing-cycle`, { token: admin })).body
    expect(cycle.waiting).toHaveLength(1)
    expect(cycle.waiting[0]).toMatchObject({ bill_to_name: "Central Office", payer_id: office.customer.id })
  })

  it("issues one consolidated invoice to the payer listing every visit of both customers; a rerun makes nothing", async () => {
    // Well after every visit's month has closed: one period for all of them.
    const lastDay = visits
      .map((v) => localDay(v.starts_at))
      .sort()
      .at(-1)!
    const at = middayOf(addDay(lastDay, 40))
    const run = await runCycleJob(at)
    expect(run.failed).toBe(0)
    const rows = await sql<{ invoice_id: string }>("select distinct invoice_id from invoiced_visit where booking_id = any($1) and deleted_at is null", [
      visits.map((v) => v.id),
    ])
    expect(rows).toHaveLength(1)
    const consolidated = await eventually(async () => {
      const found = (await api(`/store/customers/me/invoices/${rows[0].invoice_id}`, { token: office.token })).body.invoice
      if (!found) throw new Error("not issued yet")
      return found
    })
    expect(consolidated).toMatchObject({ customer_id: office.customer.id, payer_id: office.customer.id })
    expect(consolidated.bill_to.name).toBe("Central Office")
    expect([...new Set(consolidated.booking_ids)].sort()).toEqual(visits.map((v) => v.id).sort())
    const descriptions = consolidated.lines.map((line: { description: string }) => line.description)
    expect(descriptions.some((d: string) => d.startsWith("Ada Flat: "))).toBe(true)
    expect(descriptions.some((d: string) => d.startsWith("Ben Flat: "))).toBe(true)
    // Each tenant's own history says which invoice billed their visits, and to whom.
    for (const tenant of tenants) {
      expect((await activity(tenant.customer.id, "invoice_issued")).map((line) => line.message)).toContain(
        `2 visits were billed on invoice ${consolidated.number}, issued to Central Office.`
      )
    }
    for (const customer of [...tenants, stranger]) {
      expect((await api(`/store/customers/me/invoices/${consolidated.id}`, { token: customer.token })).status).toBe(404)
    }
    // The statement covers it; a second run makes nothing.
    const statement = (await api("/store/customers/me/statement", { token: office.token })).body.statement
    expect(statement.entries.find((e: { invoice_id: string }) => e.invoice_id === consolidated.id)?.debit).toBeCloseTo(consolidated.total, 2)
    expect(statement.closing_balance).toBeCloseTo(consolidated.total, 2)
    const again = await runCycleJob(at)
    expect(again.invoices).toBe(0)
    expect(await listed(office)).toEqual([consolidated.id])
  })
})
