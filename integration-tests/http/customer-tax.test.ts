import { beforeAll, describe, expect, it } from "vitest"
import { adminToken, api, signUpCustomer } from "../support/api"

/**
 * Issue #17 item 2: the customer's own tax. Staff mark a customer tax-exempt or give them a special
 * rate on the customer page; the plugin's tax provider (tp_fieldservice_customer, the demo's UK
 * region) applies it in Medusa's cart tax calculation, so the price preview (store and admin) and
 * the order agree. "3 bedrooms" is £85 before tax: region VAT 20% = £17, exempt £0, 5% = £4.25.
 */

type Customer = Awaited<ReturnType<typeof signUpCustomer>>
type Service = { id: string; variants: { id: string; title: string }[] }
type Window = { starts_at: string; remaining: number }
type Price = { subtotal: number; tax_total: number; total: number }

const bristol = { address_1: "14 Larch Avenue", city: "Bristol", postal_code: "BS6 7QT", country_code: "gb" }

let admin: string
let clean: Service
let threeBedrooms: string
let normal: Customer
let exempt: Customer
let special: Customer

const choices = () => ({ service_id: clean.id, variant_id: threeBedrooms, location: { address: bristol, label: "Home" } })

async function setTax(customer: Customer, tax: { tax_exempt?: boolean; tax_rate_override?: number | null }) {
  const response = await api(`/admin/customers/${customer.customer.id}/profile`, { token: admin, body: tax })
  expect(response.status, JSON.stringify(response.body)).toBe(200)
}

/** The review step's price, as the customer and as staff see it (they must be the same). */
async function preview(customer: Customer): Promise<Price> {
  const own = await api("/store/customers/me/booking-price", { token: customer.token, body: choices() })
  expect(own.status, JSON.stringify(own.body)).toBe(200)
  const staff = await api(`/admin/customers/${customer.customer.id}/booking-price`, { token: admin, body: choices() })
  expect(staff.status, JSON.stringify(staff.body)).toBe(200)
  expect(staff.body.price).toEqual(own.body.price)
  return own.body.price
}

/** Books the option in the latest free window (other tests take the earlier ones), returns the order's totals. */
async function bookAndReadOrder(customer: Customer) {
  const windows = ((await api("/store/services/regular-home-clean/availability?days=28")).body.windows as Window[]).filter((w) => w.remaining > 0)
  let placed = null
  for (const window of windows.reverse()) {
    placed = await api("/store/customers/me/bookings", { token: customer.token, body: { ...choices(), starts_at: window.starts_at } })
    if (placed.status === 201) break
  }
  expect(placed?.status, JSON.stringify(placed?.body)).toBe(201)
  const fields = "subtotal,item_subtotal,tax_total,total,*items,*items.tax_lines"
  const order = await api(`/admin/orders/${placed!.body.booking.order_id}?fields=${fields}`, { token: admin })
  expect(order.status, JSON.stringify(order.body)).toBe(200)
  return order.body.order as Price & { item_subtotal: number; items: { tax_lines: { rate: number; code: string; provider_id: string }[] }[] }
}

beforeAll(async () => {
  admin = await adminToken()
  clean = (await api("/store/services/regular-home-clean")).body.service
  threeBedrooms = clean.variants.find((variant) => variant.title === "3 bedrooms")!.id
  ;[normal, exempt, special] = await Promise.all([
    signUpCustomer({ first_name: "Nora", last_name: "Normal" }),
    signUpCustomer({ first_name: "Ezra", last_name: "Exempt" }),
    signUpCustomer({ first_name: "Sana", last_name: "Special" }),
  ])
  await setTax(exempt, { tax_exempt: true })
  await setTax(special, { tax_rate_override: 5 })
})

describe("the customer's own tax", () => {
  it("the demo's UK tax region is taxed by the plugin's provider", async () => {
    const regions = await api("/admin/tax-regions?country_code=gb&fields=id,provider_id", { token: admin })
    expect(regions.status, JSON.stringify(regions.body)).toBe(200)
    expect(regions.body.tax_regions.map((region: { provider_id: string }) => region.provider_id)).toContain("tp_fieldservice_customer")
  })

  it("preview and order agree: region VAT for a normal customer, none for an exempt one, 5% for a special rate", async () => {
    const expected = [
      [normal, { subtotal: 85, tax_total: 17, total: 102 }, { rate: 20, code: "VAT" }],
      [exempt, { subtotal: 85, tax_total: 0, total: 85 }, { rate: 0, code: "EXEMPT" }],
      [special, { subtotal: 85, tax_total: 4.25, total: 89.25 }, { rate: 5, code: "CUSTOMER" }],
    ] as const
    for (const [customer, totals, line] of expected) {
      expect(await preview(customer)).toMatchObject(totals)
      const order = await bookAndReadOrder(customer)
      expect({ subtotal: order.item_subtotal, tax_total: order.tax_total, total: order.total }).toEqual(totals)
      expect(order.items[0].tax_lines).toEqual([expect.objectContaining({ ...line, provider_id: "fieldservice" })])
    }
  })

  it("a changed setting changes the next booking's tax", async () => {
    await setTax(exempt, { tax_exempt: false, tax_rate_override: 10 })
    expect(await preview(exempt)).toMatchObject({ tax_total: 8.5, total: 93.5 })
    expect(await bookAndReadOrder(exempt)).toMatchObject({ tax_total: 8.5, total: 93.5 })

    await setTax(exempt, { tax_rate_override: null })
    expect(await preview(exempt)).toMatchObject({ tax_total: 17, total: 102 })
    expect(await bookAndReadOrder(exempt)).toMatchObject({ tax_total: 17, total: 102 })
  })

  it("a guest's cart (no customer) is taxed at the region's rates", async () => {
    const region = (await api("/store/regions?currency_code=gbp")).body.regions[0]
    const cart = await api("/store/carts", {
      body: { region_id: region.id, shipping_address: { country_code: "gb" }, items: [{ variant_id: threeBedrooms, quantity: 1 }] },
    })
    expect(cart.status, JSON.stringify(cart.body)).toBe(200)
    const read = await api(`/store/carts/${cart.body.cart.id}?fields=tax_total,total,*items,*items.tax_lines`)
    expect(read.body.cart).toMatchObject({ tax_total: 17, total: 102 })
    expect(read.body.cart.items[0].tax_lines).toEqual([expect.objectContaining({ rate: 20, code: "VAT", provider_id: "fieldservice" })])
  })
})
