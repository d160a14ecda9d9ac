import { beforeAll, describe, expect, it } from "vitest"
import { adminToken, api, signUpCustomer } from "../support/api"
import { dueInvoice, setAutomaticPayment } from "../support/automatic-payments"
import { setCycle } from "../support/billing-cycles"
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

    const merged = await api("/admin/crm/merges", { token: admin, body: { primary_id: primary.customer.id, secondary_id: secondary.customer.id } })
    expect(merged.status, JSON.stringify(merged.body)).toBe(201)

    const [ownRow] = await sql<{ customer_id: string; payer_id: string }>("select customer_id, payer_id from invoice where id = $1", [own.id])
    expect(ownRow).toEqual({ customer_id: primary.customer.id, payer_id: primary.customer.id })
    const [paidRow] = await sql<{ customer_id: string; payer_id: string }>("select customer_id, payer_id from invoice where id = $1", [paid.id])
    expect(paidRow).toEqual({ customer_id: tenant.customer.id, payer_id: primary.customer.id })
    // The primary sees both in the portal, as the invoices they pay.
    const listed = (await api("/store/customers/me/invoices?limit=50", { token: primary.token })).body.invoices as { id: string }[]
    expect(listed.map((invoice) => invoice.id).sort()).toEqual([own.id, paid.id].sort())
    // The tenant's invoices now go to the primary; the cycle and the agreement came over.
    const payer = (await api(`/admin/customers/${tenant.customer.id}/bill-payer`, { token: admin })).body
    expect(JSON.stringify(payer)).toContain(primary.customer.id)
    const [cycle] = await sql<{ frequency: string }>("select frequency from billing_cycle where customer_id = $1 and deleted_at is null", [primary.customer.id])
    expect(cycle).toEqual({ frequency: "monthly" })
    const agreement = await api(`/admin/customers/${primary.customer.id}/automatic-payment`, { token: admin })
    expect(agreement.body.automatic_payment.enabled).toBe(true)
    expect(await sql("select id from invoice where customer_id = $1 or payer_id = $1", [secondary.customer.id])).toEqual([])
  }, 180_000)
})
