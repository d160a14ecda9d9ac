import { randomInt } from "node:crypto"
import { describe, expect, it } from "vitest"
import { adminToken, api, eventually, signUpCustomer, uniqueEmail } from "../support/api"

/**
 * Medusa's own customer routes, as the customer page and list use them (issue #16 items 8 and 9):
 * DELETE /admin/customers/:id is our soft delete, restorable for 30 days, and the customers list
 * finds a phone number typed in another format.
 */
describe("Medusa's DELETE /admin/customers/:id", () => {
  it("deletes softly: answered as core answers, logins removed, listed as deleted, then restored", async () => {
    const { customer, token } = await signUpCustomer({ first_name: "Cora", last_name: "Coredelete" })
    const admin = await adminToken()

    const deleted = await api(`/admin/customers/${customer.id}`, { token: admin, method: "DELETE" })
    expect(deleted.status).toBe(200)
    expect(deleted.body).toMatchObject({ id: customer.id, object: "customer", deleted: true })
    expect(new Date(deleted.body.restorable_until).getTime()).toBeGreaterThan(Date.now() + 29 * 86_400_000)

    // Gone from the admin and the portal, as core's delete would leave it, but kept for restoring.
    expect((await api(`/admin/customers/${customer.id}`, { token: admin })).status).toBe(404)
    expect((await api("/store/customers/me", { token })).status).toBe(401)
    const listed = await api("/admin/portal/deleted-customers", { token: admin })
    expect(listed.body.customers.map((entry: { id: string }) => entry.id)).toContain(customer.id)
    expect((await api(`/admin/customers/${customer.id}/restore`, { token: admin, body: {} })).status).toBe(200)

    const restored = await api(`/admin/customers/${customer.id}/profile`, { token: admin })
    expect(restored.status).toBe(200)
    expect(restored.body.profile.account_email).toBe(customer.email)
    expect((restored.body.profile.activity as { kind: string }[]).map((entry) => entry.kind)).toContain("customer_deleted")
  })

  it("refuses a body and answers 404 for a customer that isn't there", async () => {
    const admin = await adminToken()
    expect((await api("/admin/customers/cus_nope", { token: admin, method: "DELETE" })).status).toBe(404)
    const { customer } = await signUpCustomer({ first_name: "Bo", last_name: "Body" })
    const refused = await api(`/admin/customers/${customer.id}`, { token: admin, method: "DELETE", body: { force: true } })
    expect(refused.status).toBe(400)
    expect(refused.body.message).toMatch(/force/)
    expect((await api(`/admin/customers/${customer.id}`, { token: admin })).status).toBe(200)
  })
})

describe("Medusa's GET /admin/customers searching a phone number", () => {
  it("finds a customer saved as +44 7700 … when staff type 07700 … or the digits alone", async () => {
    const admin = await adminToken()
    const local = `7700 9${String(randomInt(0, 100_000)).padStart(5, "0")}`
    const created = await api("/admin/customers", {
      token: admin,
      body: { email: uniqueEmail("phoned"), first_name: "Phoebe", last_name: "Phoned", phone: `+44 ${local}` },
    })
    expect(created.status).toBe(200)
    const id = created.body.customer.id as string
    const search = async (q: string) => {
      const response = await api(`/admin/customers?q=${encodeURIComponent(q)}&fields=id,phone`, { token: admin })
      expect(response.status).toBe(200)
      return response.body as { customers: { id: string; phone: string }[]; count: number }
    }

    // The directory picks the new customer up after the create commits.
    await eventually(async () => expect((await search(`0${local}`)).customers.map((entry) => entry.id)).toContain(id))
    for (const typed of [`0${local.replace(" ", "-")}`, `(0${local.slice(0, 4)}) ${local.slice(5)}`, `0044${local.replace(" ", "")}`]) {
      const found = await search(typed)
      expect(found.customers.map((entry) => entry.id)).toContain(id)
      expect(found.count).toBe(found.customers.length)
    }
    // Words are still Medusa's own search.
    expect((await search("Phoned")).customers.map((entry) => entry.id)).toContain(id)
    // A number nobody has finds nobody.
    expect((await search("0161 496 0000 999")).customers).toEqual([])
  })
})
