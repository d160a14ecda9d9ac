import { describe, expect, it } from "vitest"
import { PROFILE_LINK_TABLE } from "../../plugin/src/db/tables"
import { adminToken, api, demoCustomerToken, eventually, signUpCustomer } from "../support/api"
import { sql } from "../support/db"

describe("customer profile: portal API", () => {
  it("refuses a caller who is not signed in, and writes nothing", async () => {
    const read = await api("/store/customers/me/profile")
    expect(read.status).toBe(401)
    const write = await api("/store/customers/me/profile", { body: { kind: "business" } })
    expect(write.status).toBe(401)
  })

  it("shows the signed-in demo customer their own profile", async () => {
    const token = await demoCustomerToken()
    const { status, body } = await api("/store/customers/me/profile", { token })
    expect(status).toBe(200)
    expect(body.profile).toMatchObject({ kind: "personal", status: "active" })
    expect(body.profile.id).toMatch(/^cprof_/)
  })

  it("gives every new sign-up a personal profile (customer.created subscriber)", async () => {
    const { customer } = await signUpCustomer({ first_name: "Nadia", last_name: "Hussain" })
    // The subscriber runs after the sign-up response, so look in the database rather than
    // through the API (whose first read would create a missing profile itself).
    const rows = await eventually(async () => {
      const found = await sql<{ kind: string; status: string }>(
        `select p.kind, p.status from customer_profile p
           join ${PROFILE_LINK_TABLE} l on l.customer_profile_id = p.id
          where l.customer_id = $1 and l.deleted_at is null and p.deleted_at is null`,
        [customer.id]
      )
      expect(found).toHaveLength(1)
      return found
    })
    expect(rows[0]).toEqual({ kind: "personal", status: "active" })
  })

  it("lets a customer switch to a business account", async () => {
    const { token } = await signUpCustomer({ first_name: "Leo", last_name: "Grant" })
    const updated = await api("/store/customers/me/profile", { token, body: { kind: "business" } })
    expect(updated.status).toBe(200)
    expect(updated.body.profile.kind).toBe("business")
    const reread = await api("/store/customers/me/profile", { token })
    expect(reread.body.profile.kind).toBe("business")
  })

  it("rejects unknown fields and wrong types with a readable 400 and changes nothing", async () => {
    const { token } = await signUpCustomer({ first_name: "Ava", last_name: "Price" })
    const before = (await api("/store/customers/me/profile", { token })).body.profile

    const unknownField = await api("/store/customers/me/profile", { token, body: { kind: "business", status: "active" } })
    expect(unknownField.status).toBe(400)
    expect(unknownField.body.message).toMatch(/status/)

    const wrongValue = await api("/store/customers/me/profile", { token, body: { kind: "corporate" } })
    expect(wrongValue.status).toBe(400)
    expect(wrongValue.body.message).toMatch(/kind/)

    const wrongType = await api("/store/customers/me/profile", { token, body: { kind: 42 } })
    expect(wrongType.status).toBe(400)

    const after = (await api("/store/customers/me/profile", { token })).body.profile
    expect(after).toEqual(before)
  })

  it("cannot use a customer's token on the staff API to read another customer", async () => {
    const other = await signUpCustomer({ first_name: "Owen", last_name: "Blake" })
    const token = await demoCustomerToken()
    const read = await api(`/admin/customers/${other.customer.id}/profile`, { token })
    expect(read.status).toBe(401)
    const write = await api(`/admin/customers/${other.customer.id}/profile`, { token, body: { status: "blocked" } })
    expect(write.status).toBe(401)
    const profile = await api("/store/customers/me/profile", { token: other.token })
    expect(profile.body.profile.status).toBe("active")
  })
})

describe("customer profile: staff API", () => {
  it("lets staff block a customer and change the account type", async () => {
    const { customer, token } = await signUpCustomer({ first_name: "Maya", last_name: "Reid" })
    const admin = await adminToken()
    const blocked = await api(`/admin/customers/${customer.id}/profile`, {
      token: admin,
      body: { status: "blocked", kind: "business" },
    })
    expect(blocked.status).toBe(200)
    expect(blocked.body.profile).toMatchObject({ status: "blocked", kind: "business" })
    expect(blocked.body.profile.status_changed_at).toBeTruthy()
    // A blocked customer's session stops working on the next request, with a polite reason.
    const seenByCustomer = await api("/store/customers/me/profile", { token })
    expect(seenByCustomer.status).toBe(403)
    expect(seenByCustomer.body.code).toBe("account_blocked")
    const seenByStaff = await api(`/admin/customers/${customer.id}/profile`, { token: admin })
    expect(seenByStaff.body.profile).toMatchObject({ status: "blocked", kind: "business" })
  })

  it("rejects an unknown status and answers 404 for a customer that does not exist", async () => {
    const admin = await adminToken()
    const { customer } = await signUpCustomer({ first_name: "Iris", last_name: "Cole" })
    const invalid = await api(`/admin/customers/${customer.id}/profile`, { token: admin, body: { status: "banned" } })
    expect(invalid.status).toBe(400)
    expect(invalid.body.message).toMatch(/status/)
    const missing = await api("/admin/customers/cus_does_not_exist/profile", { token: admin })
    expect(missing.status).toBe(404)
    const missingWrite = await api("/admin/customers/cus_does_not_exist/profile", { token: admin, body: { kind: "business" } })
    expect(missingWrite.status).toBe(404)
  })

  it("needs a signed-in staff member", async () => {
    const { customer } = await signUpCustomer({ first_name: "Zoe", last_name: "Ward" })
    const read = await api(`/admin/customers/${customer.id}/profile`)
    expect(read.status).toBe(401)
  })
})
