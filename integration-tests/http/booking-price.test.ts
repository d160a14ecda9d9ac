import { beforeAll, describe, expect, it } from "vitest"
import { adminToken, api, latestEmail, signUpCustomer } from "../support/api"
import { bookAnyWindow } from "../support/customer-records"
import { sql } from "../support/db"

/**
 * Issue #15 item 2: the review step shows what the booking will cost before any order exists, and
 * the confirmation email what it did cost. The demo region (UK, pounds) charges VAT at 20% on top
 * of the option's price (prices exclude tax), so "3 bedrooms" at £85 is £17 tax, £102 in all.
 */

type Customer = Awaited<ReturnType<typeof signUpCustomer>>
type Service = { id: string; variants: { id: string; title: string; price: number }[] }

const bristol = { address_1: "14 Larch Avenue", city: "Bristol", postal_code: "BS6 7QT", country_code: "gb" }

let booker: Customer
let stranger: Customer
let clean: Service
let threeBedrooms: string

async function savedLocation(customer: Customer) {
  const name = `Home ${Math.random().toString(36).slice(2, 8)}`
  const created = await api("/store/customers/me/addresses", { token: customer.token, body: { ...bristol, address_name: name } })
  expect(created.status, JSON.stringify(created.body)).toBe(200)
  const { addresses } = (await api("/store/customers/me/addresses", { token: customer.token })).body
  return addresses.find((address: { address_name: string }) => address.address_name === name).id as string
}

/** What previewing leaves behind: nothing, not even the cart it was priced in. */
async function carts(customerId: string) {
  const [row] = await sql(
    `select (select count(*) from cart where customer_id = $1)::int as carts,
            (select count(*) from cart_line_item i join cart c on c.id = i.cart_id where c.customer_id = $1)::int as items`,
    [customerId]
  )
  return row
}

const price = (customer: Customer, body: Record<string, unknown>) => api("/store/customers/me/booking-price", { token: customer.token, body })

beforeAll(async () => {
  booker = await signUpCustomer({ first_name: "Priya", last_name: "Preview" })
  stranger = await signUpCustomer({ first_name: "Sid", last_name: "Stranger" })
  clean = (await api("/store/services/regular-home-clean")).body.service
  threeBedrooms = clean.variants.find((variant) => variant.title === "3 bedrooms")!.id
})

describe("the price of a booking before it is placed", () => {
  it("gives the lines, VAT and total the order then has, leaves no cart behind, and the confirmation email shows the same", async () => {
    const addressId = await savedLocation(booker)
    const choices = { service_id: clean.id, variant_id: threeBedrooms, location: { address_id: addressId } }
    const preview = await price(booker, choices)
    expect(preview.status, JSON.stringify(preview.body)).toBe(200)
    expect(preview.body.price).toEqual({
      currency_code: "gbp",
      lines: [{ title: "Regular Home Clean · 3 bedrooms", quantity: 1, unit_price: 85, total: 85 }],
      subtotal: 85,
      discount_total: 0,
      tax_total: 17,
      total: 102,
    })
    expect(await carts(booker.customer.id)).toEqual({ carts: 0, items: 0 })
    // A new address (not saved) is priced the same.
    const typedIn = await price(booker, { ...choices, location: { address: bristol, label: "Flat" } })
    expect(typedIn.body.price).toEqual(preview.body.price)

    // Placed with the same choices, the order's price is the preview's to the penny.
    const placed = await bookAnyWindow(booker.token, "regular-home-clean", choices)
    const booking = (await api(`/store/customers/me/bookings/${placed.booking.id}`, { token: booker.token })).body.booking
    expect(booking.price).toEqual(preview.body.price)

    // The confirmation email: the order's price in its data, and the lines, tax and total in what it says.
    const email = await latestEmail(booker.email.toLowerCase(), "booking-confirmation")
    expect(email.data.price).toEqual(preview.body.price)
    expect(email.data.price_due).toBe("Paid on the day of the visit.")
    const stored = await api(`/admin/customers/${booker.customer.id}/communications/${email.id}`, { token: await adminToken() })
    const text = stored.body.communication.preview.text as string
    expect(text).toContain("Regular Home Clean · 3 bedrooms: £85.00")
    expect(text).toContain("Tax: £17.00")
    expect(text).toContain("Total: £102.00")
    expect(text).toContain("Paid on the day of the visit.")
    const office = await latestEmail("office@brightside.example", "booking-received")
    expect(office.data).toMatchObject({ booking_number: booking.booking_number })
    expect(office.data.price).toEqual(preview.body.price)
  })

  it("answers 404 for another customer's saved location or business profile", async () => {
    const theirs = await savedLocation(booker)
    const business = await api("/store/customers/me/business-profiles", {
      token: booker.token,
      body: { name: "Preview Ltd", billing_email: "accounts@preview.test", ...bristol },
    })
    expect([200, 201], JSON.stringify(business.body)).toContain(business.status)
    const base = { service_id: clean.id, variant_id: threeBedrooms, location: { address: bristol } }
    const location = await price(stranger, { ...base, location: { address_id: theirs } })
    expect(location.status).toBe(404)
    expect(location.body.message).toBe(`Location ${theirs} was not found`)
    const profile = await price(stranger, { ...base, business_profile_id: business.body.business_profile.id })
    expect(profile.status).toBe(404)
    expect(JSON.stringify(profile.body)).not.toContain("Preview Ltd")
    // Their owner is priced with them.
    expect((await price(booker, { ...base, location: { address_id: theirs }, business_profile_id: business.body.business_profile.id })).status).toBe(200)
    expect(await carts(stranger.customer.id)).toEqual({ carts: 0, items: 0 })
  })

  it("refuses what can't be booked with a readable 400, as placing the booking would", async () => {
    const base = { service_id: clean.id, variant_id: threeBedrooms, location: { address: bristol } }
    const windowCleaning = (await api("/store/services/window-cleaning")).body.service as Service
    const cases = [
      [{ ...base, location: { address: { ...bristol, city: "Manchester", postal_code: "M1 5QA" } } }, /don't offer Regular Home Clean in M1 5QA/],
      [{ ...base, variant_id: windowCleaning.variants[0].id }, /Choose one of this service's options/],
      [{ ...base, location: {} }, /location/],
      [{ service_id: clean.id, location: base.location }, /variant_id/],
      [{ ...base, starts_at: "2026-03-12T10:00:00Z" }, /starts_at/],
      [{ ...base, location: { address: { ...bristol, postal_code: "not a postcode" } } }, /postcode|postal/i],
    ] as const
    for (const [body, message] of cases) {
      const response = await price(stranger, body)
      expect(response.status, JSON.stringify(body)).toBe(400)
      expect(response.body.message).toMatch(message)
    }
    expect(await carts(stranger.customer.id)).toEqual({ carts: 0, items: 0 })
  })
})
