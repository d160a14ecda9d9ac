import { beforeAll, describe, expect, it } from "vitest"
import { adminToken, api, eventually, latestEmail, signUpCustomer } from "../support/api"
import { createBookableService, type TestService } from "../support/bookings"
import { sql } from "../support/db"
import { saveCard, stripeRequests, TEST_CARDS } from "../support/stripe"

/**
 * Item 13 of issue #16: staff take a booking for a customer (on the phone) through the portal's
 * own booking workflow: the same windows and capacity, prices, emails and payment. The service is
 * this file's own, so no other file's bookings change what it sees.
 */

type Customer = Awaited<ReturnType<typeof signUpCustomer>>
type Window = { starts_at: string; ends_at: string; remaining: number }

const LEAD_TIME_HOURS = 72
const bristol = { address_1: "21 Cotham Road", city: "Bristol", postal_code: "BS6 6DR", country_code: "gb" }

let token: string
let service: TestService
let caller: Customer
let other: Customer

/** Staff's free windows, from an hour ahead (a sooner one could start while the test runs). */
const staffWindows = async (): Promise<Window[]> =>
  ((await api(`/admin/services/${service.id}/free-windows?days=14`, { token })).body.windows as Window[]).filter(
    (window) => new Date(window.starts_at).getTime() > Date.now() + 3600_000
  )
const customerWindows = async (): Promise<Window[]> => (await api(`/store/services/${service.id}/availability?days=14`)).body.windows
const small = () => service.variants.find((variant) => variant.title === "Small")!
const bookFor = (customer: Customer, body: Record<string, unknown>) =>
  api("/admin/bookings", { token, body: { customer_id: customer.customer.id, service_id: service.id, variant_id: small().id, ...body } })

/** What a refused booking must not leave behind. */
async function footprint(customerId: string) {
  const [row] = await sql(
    `select (select count(*) from booking where customer_id = $1)::int as bookings,
            (select count(*) from customer_address where customer_id = $1 and deleted_at is null)::int as addresses`,
    [customerId]
  )
  return row
}

beforeAll(async () => {
  token = await adminToken()
  // Capacity 1: each window takes one booking. The long lead time makes "inside the lead time" exist at any hour of any day.
  service = await createBookableService(token, { lead_time_hours: LEAD_TIME_HOURS, capacity: 1 })
  caller = await signUpCustomer({ first_name: "Philippa", last_name: "Phoner" })
  other = await signUpCustomer({ first_name: "Otto", last_name: "Other" })
})

describe("staff book for a customer", () => {
  it("offer every published service with its options, and windows inside the customers' lead time", async () => {
    const list = await api("/admin/services", { token })
    expect(list.status).toBe(200)
    expect(list.body.services.find((item: { id: string }) => item.id === service.id)).toMatchObject({ title: service.title, starting_rate: 40 })
    expect((await api("/admin/services?postal_code=M1%201AA", { token })).body.services.some((item: { id: string }) => item.id === service.id)).toBe(false)
    // Options cheapest first, with their prices.
    expect(service.variants.map((variant) => [variant.title, variant.price])).toEqual([
      ["Small", 40],
      ["Large", 60],
    ])

    const leadTimeEnds = Date.now() + LEAD_TIME_HOURS * 3600_000
    const staff = (await api(`/admin/services/${service.id}/free-windows?days=14`, { token })).body.windows as Window[]
    const customers = await customerWindows()
    expect(customers.every((window) => new Date(window.starts_at).getTime() >= leadTimeEnds - 60_000)).toBe(true)
    expect(staff.some((window) => new Date(window.starts_at).getTime() < leadTimeEnds)).toBe(true)
    expect(staff.every((window) => new Date(window.starts_at).getTime() > Date.now())).toBe(true)
    // Every window a customer is offered, staff are offered too.
    const staffStarts = new Set(staff.map((window) => window.starts_at))
    expect(customers.every((window) => staffStarts.has(window.starts_at))).toBe(true)

    expect((await api("/admin/services", {})).status).toBe(401)
    expect((await api("/admin/services", { token: caller.token })).status).toBe(401)
    expect((await api("/admin/services/prod_missing", { token })).status).toBe(404)
    const bad = await api(`/admin/services/${service.id}/free-windows?days=400`, { token })
    expect(bad.status).toBe(400)
    expect(bad.body.message).toMatch(/days/)
  })

  it("book inside the lead time through the portal's workflow: the order, the customer's email, no office email, staff in the history", async () => {
    const window = (await staffWindows()).find((item) => new Date(item.starts_at).getTime() < Date.now() + LEAD_TIME_HOURS * 3600_000)!
    // The customer can't take that window themselves.
    const own = await api("/store/customers/me/bookings", {
      token: caller.token,
      body: { service_id: service.id, variant_id: small().id, starts_at: window.starts_at, location: { address: bristol } },
    })
    expect(own.status).toBe(400)

    const price = await api(`/admin/customers/${caller.customer.id}/booking-price`, {
      token,
      body: { service_id: service.id, variant_id: small().id, location: { address: bristol } },
    })
    expect(price.status, JSON.stringify(price.body)).toBe(200)

    const response = await bookFor(caller, {
      starts_at: window.starts_at,
      location: { address: bristol, label: "Home" },
      contact: { phone: "0117 496 0999" },
      instructions: "Ring the bell twice.",
    })
    expect(response.status, JSON.stringify(response.body)).toBe(201)
    const booking = response.body.booking
    expect(booking).toMatchObject({
      status: "confirmed",
      customer_id: caller.customer.id,
      starts_at: window.starts_at,
      instructions: "Ring the bell twice.",
      contact: { name: "Philippa Phoner", email: caller.email.toLowerCase(), phone: "0117 496 0999" },
    })
    // Medusa's order for it, at the price the preview gave.
    const order = await api(`/admin/orders/${booking.order_id}?fields=total,*items`, { token })
    expect(order.body.order.items[0].unit_price).toBe(40)
    expect(order.body.order.total).toBe(price.body.price.total)

    // The customer sees it in the portal, has the same confirmation email, and the new address is saved.
    const mine = await api("/store/customers/me/bookings", { token: caller.token })
    expect(mine.body.bookings.map((item: { id: string }) => item.id)).toContain(booking.id)
    const email = await latestEmail(caller.email.toLowerCase(), "booking-confirmation")
    expect(email.data).toMatchObject({ booking_number: booking.booking_number, first_name: "Philippa" })
    const [{ count: officeEmails }] = await sql(`select count(*)::int as count from notification where template = 'booking-received' and resource_id = $1`, [
      booking.id,
    ])
    expect(officeEmails).toBe(0)
    const profile = (await api(`/admin/customers/${caller.customer.id}/profile`, { token })).body.profile
    expect(profile.locations).toEqual(expect.arrayContaining([expect.objectContaining({ id: booking.address_id, address_name: "Home" })]))

    // The history says a staff member placed it.
    const staffId = (await api("/admin/users/me", { token })).body.user.id
    const placed = await eventually(async () => {
      const { body } = await api(`/admin/customers/${caller.customer.id}/activity?kind=booking_placed`, { token })
      const entry = body.activity.find((item: { data: { booking_id?: string } | null }) => item.data?.booking_id === booking.id)
      if (!entry) throw new Error("no booking_placed entry yet")
      return entry
    })
    expect(placed.actor).toMatchObject({ type: "staff", id: staffId })

    // The window held one booking: a second, for anyone, is refused and leaves nothing behind.
    const before = await footprint(other.customer.id)
    const again = await bookFor(other, { starts_at: window.starts_at, location: { address: bristol } })
    expect(again.status).toBe(409)
    expect(again.body.message).toMatch(/just been booked by someone else/)
    expect(await footprint(other.customer.id)).toEqual(before)
    expect((await staffWindows()).some((item) => item.starts_at === window.starts_at)).toBe(false)
  })

  it("never overfills a window when staff and customers race for its last place", async () => {
    const window = (await customerWindows()).at(-1)!
    const attempts = await Promise.all(
      Array.from({ length: 20 }, (_, index) =>
        index % 2
          ? bookFor(other, { starts_at: window.starts_at, location: { address: bristol } })
          : api("/store/customers/me/bookings", {
              token: caller.token,
              body: { service_id: service.id, variant_id: small().id, starts_at: window.starts_at, location: { address: bristol } },
            })
      )
    )
    expect(attempts.filter((attempt) => attempt.status === 201)).toHaveLength(1)
    expect(attempts.filter((attempt) => attempt.status === 409)).toHaveLength(19)
    const [{ count }] = await sql(`select count(*)::int as count from booking where product_id = $1 and starts_at = $2`, [service.id, window.starts_at])
    expect(count).toBe(1)
  }, 120_000)

  it("refuse what can't be booked with a clear 4xx, anyone else's records included, and leave nothing behind", async () => {
    const [window] = await staffWindows()
    const otherAddress = await api(`/admin/customers/${other.customer.id}/addresses`, {
      token,
      body: { address_1: "2 Elsewhere Lane", city: "Bristol", postal_code: "BS7 8AA", country_code: "gb" },
    })
    expect(otherAddress.status).toBe(200)
    const otherAddresses = (await api(`/admin/customers/${other.customer.id}?fields=*addresses`, { token })).body.customer.addresses as {
      id: string
      address_1: string
    }[]
    const otherAddressId = otherAddresses.find((address) => address.address_1 === "2 Elsewhere Lane")!.id
    const before = await footprint(caller.customer.id)
    const cases: [Record<string, unknown>, number, RegExp][] = [
      [{ starts_at: window.starts_at, location: { address_id: otherAddressId } }, 404, /Location .* was not found/],
      [{ starts_at: window.starts_at, location: { address: { ...bristol, postal_code: "M1 5QA", city: "Manchester" } } }, 400, /don't offer .* in M1 5QA/],
      [{ starts_at: window.starts_at, location: { address: { ...bristol, postal_code: "NOTAPOSTCODE" } } }, 400, /postcode/i],
      [{ starts_at: "2020-01-06T09:00:00Z", location: { address: bristol } }, 400, /already passed/],
      [{ starts_at: window.starts_at, location: { address: bristol }, saved_card_id: "pm_someone_else" }, 404, /Saved card .* was not found/],
      [{ starts_at: window.starts_at, location: { address: bristol }, customer_id: "cus_missing" }, 404, /cus_missing/],
      [{ starts_at: window.starts_at, location: { address: bristol }, customer_id: "" }, 400, /customer_id/],
    ]
    for (const [body, status, message] of cases) {
      const response = await bookFor(caller, body)
      expect(response.status, JSON.stringify(body)).toBe(status)
      expect(response.body.message).toMatch(message)
    }
    expect(await footprint(caller.customer.id)).toEqual(before)
    const unknownField = await bookFor(caller, { starts_at: window.starts_at, location: { address: bristol }, discount: 100 })
    expect(unknownField.status).toBe(400)
    expect((await api("/admin/bookings", { token: caller.token, body: {} })).status).toBe(401)
  })

  it("charge the customer's saved card off-session, as they aren't there to confirm", async () => {
    const card = await saveCard(caller.token, TEST_CARDS.visa)
    const cards = await api(`/admin/customers/${caller.customer.id}/saved-cards`, { token })
    expect(cards.status).toBe(200)
    expect(cards.body.saved_cards).toEqual([expect.objectContaining({ id: card, last4: "4242" })])
    expect((await api(`/admin/customers/${other.customer.id}/saved-cards`, { token })).body.saved_cards).toEqual([])
    expect((await api("/admin/customers/cus_missing/saved-cards", { token })).status).toBe(404)

    // Another customer's card is theirs alone.
    const windows = await staffWindows()
    const refused = await bookFor(other, { starts_at: windows[1].starts_at, location: { address: bristol }, saved_card_id: card })
    expect(refused.status).toBe(404)

    const requestsBefore = (await stripeRequests()).length
    const response = await bookFor(caller, { starts_at: windows[1].starts_at, location: { address: bristol }, saved_card_id: card })
    expect(response.status, JSON.stringify(response.body)).toBe(201)
    expect(response.body.booking.card).toMatchObject({ id: card, last4: "4242" })
    const intents = (await stripeRequests())
      .slice(requestsBefore)
      .filter((request) => request.method === "POST" && request.path === "/v1/payment_intents" && request.params?.payment_method === card)
    expect(intents).toHaveLength(1)
    expect(intents[0].params).toMatchObject({ payment_method: card, confirm: "true", off_session: "true" })
  })
})
