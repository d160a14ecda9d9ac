import { beforeAll, describe, expect, it } from "vitest"
import { adminToken, api, signUpCustomer } from "../support/api"
import { dueInvoice, setAutomaticPayment } from "../support/automatic-payments"
import { setCycle } from "../support/billing-cycles"
import { createBookableService } from "../support/bookings"
import { sql } from "../support/db"
import { saveCard } from "../support/stripe"

/**
 * Merging duplicates keeps the secondary's billing: its invoices (and those it pays for others)
 * follow it to the primary, so the primary's portal and statement show them; its billing cycle,
 * bill payer settings and automatic payment go over where the primary has none of its own.
 */

type Customer = Awaited<ReturnType<typeof signUpCustomer>>
let admin: string

beforeAll(async () => {
  admin = await adminToken()
}, 60_000)

/** Weekly visits (two) for the customer on a service of this file's own; the series' id. */
async function weeklySeries(who: Customer): Promise<string> {
  const service = await createBookableService(admin, { lead_time_hours: 0, capacity: 5 })
  const { handle } = (await api(`/admin/products/${service.id}?fields=handle`, { token: admin })).body.product
  const [, window] = (await api(`/store/services/${handle}/availability?days=7`)).body.windows as { starts_at: string }[]
  const saved = await api("/store/customers/me/addresses", {
    token: who.token,
    body: { address_name: "Home", address_1: "3 Cotham Hill", city: "Bristol", postal_code: "BS6 6LA", country_code: "gb" },
  })
  expect(saved.status, JSON.stringify(saved.body)).toBe(200)
  const created = await api("/store/customers/me/booking-series", {
    token: who.token,
    body: {
      service_id: service.id,
      variant_id: service.variants[0].id,
      starts_at: window.starts_at,
      location: { address_id: saved.body.customer.addresses[0].id },
      frequency: "weekly",
      count: 2,
    },
  })
  expect(created.status, JSON.stringify(created.body)).toBe(201)
  return created.body.booking_series.id
}

describe("merging customers with invoices", () => {
  let primary: Customer
  let secondary: Customer
  let tenant: Customer

  beforeAll(async () => {
    ;[primary, secondary, tenant] = await Promise.all([
      signUpCustomer({ first_name: "Petra", last_name: "Primary" }),
      signUpCustomer({ first_name: "Petra", last_name: "Secondary" }),
      signUpCustomer({ first_name: "Terry", last_name: "Tenant" }),
    ])
    const paysFor = await api(`/admin/customers/${tenant.customer.id}/bill-payer`, {
      token: admin,
      body: { pays: "other_customer", payer_id: secondary.customer.id },
    })
    expect(paysFor.status, JSON.stringify(paysFor.body)).toBe(200)
    await saveCard(secondary.token)
    expect((await setAutomaticPayment(secondary.token, true)).status).toBe(200)
  }, 120_000)

  it("moves the secondary's invoices, the invoices it pays, its cycle, payer settings and automatic payment to the primary", async () => {
    const own = await dueInvoice(admin, secondary.token)
    const paid = await dueInvoice(admin, tenant.token)
    await setCycle(admin, secondary.customer.id, { frequency: "monthly", month_day: 28 })
    const series = await weeklySeries(secondary)

    const pair = `primary_id=${primary.customer.id}&secondary_id=${secondary.customer.id}`
    const counts = (await api(`/admin/crm/merges/preview?${pair}`, { token: admin })).body.preview.counts as {
      kind: string
      label: string
      secondary: number
    }[]
    expect(counts.find((count) => count.kind === "invoices")).toMatchObject({ label: "Invoices (their own and those they pay)", secondary: 2 })
    expect(counts.find((count) => count.kind === "booking_series")).toMatchObject({ label: "Repeat visits", secondary: 1 })
    const merged = await api("/admin/crm/merges", { token: admin, body: { primary_id: primary.customer.id, secondary_id: secondary.customer.id } })
    expect(merged.status, JSON.stringify(merged.body)).toBe(201)

    const [ownRow] = await sql<{ customer_id: string; payer_id: string }>("select customer_id, payer_id from invoice where id = $1", [own.id])
    expect(ownRow).toEqual({ customer_id: primary.customer.id, payer_id: primary.customer.id })
    const [paidRow] = await sql<{ customer_id: string; payer_id: string }>("select customer_id, payer_id from invoice where id = $1", [paid.id])
    expect(paidRow).toEqual({ customer_id: tenant.customer.id, payer_id: primary.customer.id })
    // The primary sees both in the portal, as the invoices they pay.
    const invoices = (await api("/store/customers/me/invoices?limit=50", { token: primary.token })).body.invoices as { id: string }[]
    expect(invoices.map((invoice) => invoice.id).sort()).toEqual([own.id, paid.id].sort())
    // The tenant's invoices now go to the primary; the cycle and the agreement came over.
    const payer = (await api(`/admin/customers/${tenant.customer.id}/bill-payer`, { token: admin })).body
    expect(JSON.stringify(payer)).toContain(primary.customer.id)
    const [cycle] = await sql<{ frequency: string }>("select frequency from billing_cycle where customer_id = $1 and deleted_at is null", [primary.customer.id])
    expect(cycle).toEqual({ frequency: "monthly" })
    const agreement = await api(`/admin/customers/${primary.customer.id}/automatic-payment`, { token: admin })
    expect(agreement.body.automatic_payment.enabled).toBe(true)
    expect(await sql("select id from invoice where customer_id = $1 or payer_id = $1", [secondary.customer.id])).toEqual([])
    // The repeat visits went with their bookings: still running, on the primary's page.
    const [moved] = await sql<{ customer_id: string; status: string }>("select customer_id, status from booking_series where id = $1", [series])
    expect(moved).toEqual({ customer_id: primary.customer.id, status: "active" })
    const listed = (await api(`/admin/customers/${primary.customer.id}/booking-series`, { token: admin })).body.booking_series as { id: string }[]
    expect(listed.map((row) => row.id)).toContain(series)
  }, 180_000)

  it("refuses, in words and changing nothing, a merge that would make a payer have a payer of their own", async () => {
    const [agency, landlord, flat, agencyCopy] = await Promise.all([
      signUpCustomer({ first_name: "Alma", last_name: "Agency" }),
      signUpCustomer({ first_name: "Lars", last_name: "Landlord" }),
      signUpCustomer({ first_name: "Fran", last_name: "Flat" }),
      signUpCustomer({ first_name: "Alma", last_name: "Agency-copy" }),
    ])
    // The agency pays the flat's invoices; its duplicate's own invoices go to the landlord.
    for (const [who, payer] of [
      [flat, agency],
      [agencyCopy, landlord],
    ]) {
      const set = await api(`/admin/customers/${who.customer.id}/bill-payer`, { token: admin, body: { pays: "other_customer", payer_id: payer.customer.id } })
      expect(set.status, JSON.stringify(set.body)).toBe(200)
    }
    const pair = { primary_id: agency.customer.id, secondary_id: agencyCopy.customer.id }
    const preview = await api(`/admin/crm/merges/preview?primary_id=${pair.primary_id}&secondary_id=${pair.secondary_id}`, { token: admin })
    expect(preview.status).toBe(400)
    expect(preview.body.message).toMatch(/would pay Fran Flat's invoices while their own go to Lars Landlord/)
    const merged = await api("/admin/crm/merges", { token: admin, body: pair })
    expect(merged.status).toBe(400)
    expect(merged.body.message).toMatch(/a bill payer can't have a payer of their own/)
    const [copy] = await sql<{ deleted_at: Date | null }>("select deleted_at from customer where id = $1", [agencyCopy.customer.id])
    expect(copy.deleted_at).toBeNull()
    const payers = await sql<{ customer_id: string; payer_id: string }>(
      "select customer_id, payer_id from bill_payer where customer_id = any($1) and deleted_at is null order by customer_id",
      [[flat.customer.id, agencyCopy.customer.id]]
    )
    expect(payers).toHaveLength(2)
  }, 120_000)
})
