import { describe, expect, it } from "vitest"
import { adminToken, api, signUpCustomer } from "../support/api"
import { sql } from "../support/db"

const carterLettings = {
  name: "Carter Lettings Ltd",
  billing_email: "Accounts@CarterLettings.co.uk",
  tax_id: "GB123456789",
  address_1: "2 Wharf Road",
  city: "London",
  postal_code: "N1 7GR",
  country_code: "GB",
}

describe("business profiles", () => {
  it("lets a customer add several, edit and delete them, in a shape the booking form can use", async () => {
    const { token } = await signUpCustomer({ first_name: "Bea", last_name: "Business", kind: "business" })
    const first = await api("/store/customers/me/business-profiles", { token, body: carterLettings })
    expect(first.status).toBe(201)
    expect(first.body.business_profile).toMatchObject({
      name: "Carter Lettings Ltd",
      billing_email: "accounts@carterlettings.co.uk",
      country_code: "gb",
      province: null,
      address_2: null,
    })
    const second = await api("/store/customers/me/business-profiles", {
      token,
      body: { ...carterLettings, name: "Carter Holiday Homes", tax_id: undefined },
    })
    expect(second.status).toBe(201)

    const listed = await api("/store/customers/me/business-profiles", { token })
    expect(listed.body.business_profiles.map((p: { name: string }) => p.name)).toEqual(["Carter Lettings Ltd", "Carter Holiday Homes"])

    const id = second.body.business_profile.id
    const edited = await api(`/store/customers/me/business-profiles/${id}`, { token, body: { city: "Brighton", postal_code: "BN1 1AA" } })
    expect(edited.status).toBe(200)
    expect(edited.body.business_profile).toMatchObject({ name: "Carter Holiday Homes", city: "Brighton", postal_code: "BN1 1AA" })

    expect((await api(`/store/customers/me/business-profiles/${id}`, { token, method: "DELETE" })).status).toBe(200)
    const after = await api("/store/customers/me/business-profiles", { token })
    expect(after.body.business_profiles.map((p: { id: string }) => p.id)).toEqual([first.body.business_profile.id])
  })

  it("rejects bad input with a readable 400 and writes nothing", async () => {
    const { token, customer } = await signUpCustomer({ first_name: "Val", last_name: "Idation" })
    const cases = [
      [{ ...carterLettings, billing_email: "accounts" }, /billing_email/],
      [{ ...carterLettings, country_code: "United Kingdom" }, /country_code/],
      [{ ...carterLettings, name: " " }, /name/],
      [{ ...carterLettings, vat_registered: true }, /vat_registered/],
      [{ name: "Only a name" }, /billing_email/],
    ] as const
    for (const [body, message] of cases) {
      const response = await api("/store/customers/me/business-profiles", { token, body })
      expect(response.status, JSON.stringify(body)).toBe(400)
      expect(response.body.message).toMatch(message)
    }
    expect(await sql("select 1 from business_profile where customer_id = $1", [customer.id])).toHaveLength(0)
  })

  it("never shows or changes another customer's business profile", async () => {
    const owner = await signUpCustomer({ first_name: "Olive", last_name: "Owner" })
    const other = await signUpCustomer({ first_name: "Otto", last_name: "Other" })
    const created = await api("/store/customers/me/business-profiles", { token: owner.token, body: carterLettings })
    const id = created.body.business_profile.id

    expect((await api(`/store/customers/me/business-profiles/${id}`, { token: other.token })).status).toBe(404)
    expect((await api(`/store/customers/me/business-profiles/${id}`, { token: other.token, body: { name: "Hijacked" } })).status).toBe(404)
    expect((await api(`/store/customers/me/business-profiles/${id}`, { token: other.token, method: "DELETE" })).status).toBe(404)
    expect((await api("/store/customers/me/business-profiles", { token: other.token })).body.business_profiles).toEqual([])
    const [row] = await sql<{ name: string; deleted_at: Date | null }>("select name, deleted_at from business_profile where id = $1", [id])
    expect(row).toEqual({ name: "Carter Lettings Ltd", deleted_at: null })
    expect((await api("/store/customers/me/business-profiles")).status).toBe(401)
  })

  it("is visible and editable by staff on the customer's page", async () => {
    const { customer, token } = await signUpCustomer({ first_name: "Stan", last_name: "Staffed" })
    const admin = await adminToken()
    const created = await api(`/admin/customers/${customer.id}/business-profiles`, { token: admin, body: carterLettings })
    expect(created.status).toBe(201)
    const id = created.body.business_profile.id
    expect((await api("/store/customers/me/business-profiles", { token })).body.business_profiles.map((p: { id: string }) => p.id)).toEqual([id])
    const edited = await api(`/admin/customers/${customer.id}/business-profiles/${id}`, { token: admin, body: { tax_id: null } })
    expect(edited.body.business_profile.tax_id).toBeNull()
    expect((await api(`/admin/customers/cus_missing/business-profiles`, { token: admin, body: carterLettings })).status).toBe(404)
    expect((await api(`/admin/customers/cus_missing/business-profiles/${id}`, { token: admin, body: { name: "x" } })).status).toBe(404)
  })
})
