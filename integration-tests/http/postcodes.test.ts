import { describe, expect, it } from "vitest"
import { adminToken, api, signUpCustomer } from "../support/api"
import { bookSomething } from "../support/customer-records"

/*
 * Wherever an address is typed, portal or admin: a postcode that can't exist in its country is
 * refused with a sentence a person can act on, nothing is saved, and a good one is stored as the
 * business writes it.
 */

const street = { address_1: "1 Postcode Lane", city: "Bristol", country_code: "gb" }
const MADE_UP = /ZZ99 9ZZ isn’t a postcode in the United Kingdom\. Check it and try again\./

describe("postcodes wherever an address is typed", () => {
  it("refuses a made-up postcode on a saved location, and writes a good one out", async () => {
    const customer = await signUpCustomer({ first_name: "Pia", last_name: "Postcode" })
    const refused = await api("/store/customers/me/addresses", { token: customer.token, body: { ...street, postal_code: "zz99 9zz" } })
    expect(refused.status).toBe(400)
    expect(refused.body.message).toMatch(MADE_UP)
    const garbage = await api("/store/customers/me/addresses", { token: customer.token, body: { ...street, postal_code: "NOTAPOSTCODE123" } })
    expect(garbage.status).toBe(400)
    expect(garbage.body.message).toContain("NOTAPOSTCODE123 isn’t a postcode in the United Kingdom")
    expect((await api("/store/customers/me/addresses", { token: customer.token })).body.addresses).toHaveLength(0)

    const saved = await api("/store/customers/me/addresses", { token: customer.token, body: { ...street, postal_code: " bs67qt " } })
    expect(saved.status).toBe(200)
    const [address] = saved.body.customer.addresses
    expect(address.postal_code).toBe("BS6 7QT")

    // An edit without a country is checked against the saved one.
    const edit = await api(`/store/customers/me/addresses/${address.id}`, { token: customer.token, body: { postal_code: "ZZ99 9ZZ" } })
    expect(edit.status).toBe(400)
    expect(edit.body.message).toMatch(MADE_UP)
    const moved = await api(`/store/customers/me/addresses/${address.id}`, { token: customer.token, body: { postal_code: "ba11aa" } })
    expect(moved.status).toBe(200)
    expect(moved.body.customer.addresses[0].postal_code).toBe("BA1 1AA")
    // Another country's format is another country's rule.
    const dublin = await api("/store/customers/me/addresses", {
      token: customer.token,
      body: { ...street, city: "Dublin", country_code: "ie", postal_code: "d02 x285" },
    })
    expect(dublin.status).toBe(200)
  })

  it("refuses a made-up postcode on the billing address, a business profile and a booking's new address", async () => {
    const customer = await signUpCustomer({ first_name: "Bea", last_name: "Billing" })
    const token = customer.token
    const billing = await api("/store/customers/me/billing-address", {
      token,
      body: { same_as_booking: false, address: { ...street, postal_code: "ZZ99 9ZZ" } },
    })
    expect(billing.status).toBe(400)
    expect(billing.body.message).toMatch(MADE_UP)
    const goodBilling = await api("/store/customers/me/billing-address", {
      token,
      body: { same_as_booking: false, address: { ...street, postal_code: "bs6 6pg" } },
    })
    expect(goodBilling.status).toBe(200)
    expect(goodBilling.body.billing_address.postal_code).toBe("BS6 6PG")

    const business = { name: "Postcode Lettings Ltd", billing_email: "accounts@postcode.example.test", ...street }
    const refused = await api("/store/customers/me/business-profiles", { token, body: { ...business, postal_code: "ZZ99 9ZZ" } })
    expect(refused.status).toBe(400)
    expect(refused.body.message).toMatch(MADE_UP)
    expect((await api("/store/customers/me/business-profiles", { token })).body.business_profiles).toHaveLength(0)
    const created = await api("/store/customers/me/business-profiles", { token, body: { ...business, postal_code: "gl12nw" } })
    expect([200, 201]).toContain(created.status)
    expect(created.body.business_profile.postal_code).toBe("GL1 2NW")

    await expect(bookSomething(token, "maths-tutoring", { address: { ...street, postal_code: "ZZ99 9ZZ" } })).rejects.toThrow(/ZZ99 9ZZ isn’t a postcode/)
    const { booking } = await bookSomething(token, "maths-tutoring", { address: { ...street, postal_code: "bs6 7qt" } })
    expect(booking.location.postal_code).toBe("BS6 7QT")
  })

  it("refuses a made-up postcode when staff add or edit a customer's address in the admin", async () => {
    const admin = await adminToken()
    const customer = await signUpCustomer({ first_name: "Sam", last_name: "Staffaddress" })
    const path = `/admin/customers/${customer.customer.id}/addresses`
    const refused = await api(path, { token: admin, body: { ...street, postal_code: "NOTAPOSTCODE123" } })
    expect(refused.status).toBe(400)
    expect(refused.body.message).toContain("NOTAPOSTCODE123 isn’t a postcode in the United Kingdom")
    const saved = await api(path, { token: admin, body: { ...street, postal_code: "bs1 4dj" } })
    expect(saved.status).toBe(200)
    const addresses = (await api(path, { token: admin })).body.addresses as { id: string; address_1: string; postal_code: string }[]
    const address = addresses.find((row) => row.address_1 === street.address_1)!
    expect(address.postal_code).toBe("BS1 4DJ")
    const edit = await api(`${path}/${address.id}`, { token: admin, body: { postal_code: "ZZ99 9ZZ" } })
    expect(edit.status).toBe(400)
    expect(edit.body.message).toMatch(MADE_UP)
  })
})
