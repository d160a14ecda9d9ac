import { beforeAll, describe, expect, it } from "vitest"
import { adminToken, api, eventually, latestEmail, signUpCustomer } from "../support/api"
import { sql } from "../support/db"

type Customer = Awaited<ReturnType<typeof signUpCustomer>>
type Window = { starts_at: string; ends_at: string; remaining: number }
type Service = { id: string; variants: { id: string; title: string; price: number }[] }

const bristol = { address_1: "14 Larch Avenue", city: "Bristol", postal_code: "BS6 7QT", country_code: "gb" }

let booker: Customer
let stranger: Customer

async function service(handle: string): Promise<Service> {
  return (await api(`/store/services/${handle}`)).body.service
}

async function freeWindows(handle: string): Promise<Window[]> {
  return (await api(`/store/services/${handle}/availability?days=28`)).body.windows
}

/** Counts what a failed booking must not leave behind. */
async function footprint(customerId: string) {
  const [row] = await sql(
    `select (select count(*) from booking where customer_id = $1)::int as bookings,
            (select count(*) from customer_address where customer_id = $1 and deleted_at is null)::int as addresses,
            (select count(*) from cart where customer_id = $1)::int as carts`,
    [customerId]
  )
  return row
}

beforeAll(async () => {
  booker = await signUpCustomer({ first_name: "Bella", last_name: "Booker" })
  stranger = await signUpCustomer({ first_name: "Stan", last_name: "Ranger" })
})

describe("booking a service", () => {
  it("books through Medusa's cart and order, saves the new location and records everything", async () => {
    const clean = await service("regular-home-clean")
    const [window] = await freeWindows("regular-home-clean")
    const variant = clean.variants.find((v) => v.title === "3 bedrooms")!
    const response = await api("/store/customers/me/bookings", {
      token: booker.token,
      body: {
        service_id: clean.id,
        variant_id: variant.id,
        starts_at: window.starts_at,
        location: { address: bristol, label: "Home" },
        instructions: "Key is under the plant pot.",
      },
    })
    expect(response.status, JSON.stringify(response.body)).toBe(201)
    const booking = response.body.booking
    expect(booking).toMatchObject({
      status: "confirmed",
      service_title: "Regular Home Clean",
      option_title: "3 bedrooms",
      starts_at: window.starts_at,
      instructions: "Key is under the plant pot.",
      contact: { name: "Bella Booker", email: booker.email.toLowerCase() },
    })
    expect(booking.booking_number).toMatch(/^BK-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/)
    expect(booking.order_id).toMatch(/^order_/)

    // The order carries Medusa's totals for the chosen option, with VAT.
    const admin = await adminToken()
    const order = await api(`/admin/orders/${booking.order_id}?fields=total,currency_code,*items`, { token: admin })
    expect(order.body.order.currency_code).toBe("gbp")
    expect(order.body.order.items[0].unit_price).toBe(85)
    expect(order.body.order.total).toBeGreaterThanOrEqual(85)

    // The typed-in address became a saved location, and the window has one place fewer.
    const profile = (await api("/store/customers/me/profile", { token: booker.token })).body.profile
    expect(profile.locations).toEqual([expect.objectContaining({ address_name: "Home", postal_code: "BS6 7QT", id: booking.address_id })])
    // (A window with no place left is no longer offered at all.)
    const after = (await freeWindows("regular-home-clean")).find((w) => w.starts_at === window.starts_at)
    expect(after?.remaining ?? 0).toBe(window.remaining - 1)

    const mine = await api("/store/customers/me/bookings", { token: booker.token })
    expect(mine.body.bookings.map((b: { id: string }) => b.id)).toContain(booking.id)

    // The customer is emailed and notified in the portal; the office gets a "new portal booking" email.
    const confirmation = await latestEmail(booker.email.toLowerCase(), "booking-confirmation")
    expect(confirmation.data).toMatchObject({ booking_number: booking.booking_number, service_title: "Regular Home Clean", first_name: "Bella" })
    expect(confirmation.data.when_text).toMatch(/arriving between \d\d:\d\d and \d\d:\d\d/)
    expect(confirmation.data.booking_url).toMatch(new RegExp(`/bookings/${booking.id}$`))
    const office = await latestEmail("office@brightside.example", "booking-received")
    expect(office.data).toMatchObject({ booking_number: booking.booking_number, customer_name: "Bella Booker" })
    const feed = await eventually(async () => {
      const { body } = await api("/store/customers/me/notifications", { token: booker.token })
      if (!body.notifications.length) throw new Error("no notification yet")
      return body.notifications
    })
    expect(feed[0]).toMatchObject({ title: `Booking ${booking.booking_number} confirmed`, url: `/bookings/${booking.id}` })
    // Another customer's feed stays empty.
    expect((await api("/store/customers/me/notifications", { token: stranger.token })).body.notifications).toEqual([])
  })

  it("refuses bookings it cannot take with a clear 4xx, and leaves nothing behind", async () => {
    const clean = await service("regular-home-clean")
    const variant = clean.variants[0]
    const [window] = await freeWindows("regular-home-clean")
    const before = await footprint(stranger.customer.id)
    const base = { service_id: clean.id, variant_id: variant.id, starts_at: window.starts_at, location: { address: bristol } }
    const cases = [
      [{ ...base, starts_at: "2020-01-06T09:00:00Z" }, 400, /already passed/],
      [{ ...base, starts_at: window.starts_at.replace(/:00\.000Z$/, ":30.000Z") }, 400, /not one we offer|already passed/],
      [{ ...base, location: { address: { ...bristol, city: "Manchester", postal_code: "M1 5QA" } } }, 400, /don't offer Regular Home Clean in M1 5QA/],
      [{ ...base, variant_id: (await service("window-cleaning")).variants[0].id }, 400, /options/],
      [{ ...base, starts_at: "tomorrow morning" }, 400, /starts_at/],
      [{ ...base, location: {} }, 400, /location/],
    ] as const
    for (const [body, status, message] of cases) {
      const response = await api("/store/customers/me/bookings", { token: stranger.token, body })
      expect(response.status, JSON.stringify(body)).toBe(status)
      expect(response.body.message).toMatch(message)
    }
    expect(await footprint(stranger.customer.id)).toEqual(before)
  })

  it("answers 404 for another customer's location, business profile, contact or dependent, and charges nothing", async () => {
    const clean = await service("regular-home-clean")
    const [window] = await freeWindows("regular-home-clean")
    const profile = (await api("/store/customers/me/profile", { token: booker.token })).body.profile
    const businessProfile = await api("/store/customers/me/business-profiles", {
      token: booker.token,
      body: { name: "Booker Ltd", billing_email: "a@booker.test", ...bristol },
    })
    const contact = await api("/store/customers/me/additional-contacts", { token: booker.token, body: { name: "Tenant" } })
    const types = (await api("/store/customers/me/dependents", { token: booker.token })).body.dependent_types
    const pets = types.find((type: { label_plural: string }) => type.label_plural === "Pets")
    const pet = await api("/store/customers/me/dependents", { token: booker.token, body: { type_id: pets.id, name: "Mochi" } })

    const before = await footprint(stranger.customer.id)
    const base = { service_id: clean.id, variant_id: clean.variants[0].id, starts_at: window.starts_at, location: { address: bristol } }
    const cases = [
      { ...base, location: { address_id: profile.locations[0].id } },
      { ...base, business_profile_id: businessProfile.body.business_profile.id },
      { ...base, additional_contact_id: contact.body.additional_contact.id },
      { ...base, dependent_ids: [pet.body.dependent.id] },
    ]
    for (const body of cases) {
      const response = await api("/store/customers/me/bookings", { token: stranger.token, body })
      expect(response.status, JSON.stringify(body)).toBe(404)
    }
    expect(await footprint(stranger.customer.id)).toEqual(before)
    const after = (await freeWindows("regular-home-clean")).find((w) => w.starts_at === window.starts_at)
    expect(after?.remaining).toBe(window.remaining)

    // The owner can use all of them.
    const own = await api("/store/customers/me/bookings", {
      token: booker.token,
      body: {
        ...cases[0],
        business_profile_id: businessProfile.body.business_profile.id,
        additional_contact_id: contact.body.additional_contact.id,
        dependent_ids: [pet.body.dependent.id],
      },
    })
    expect(own.status, JSON.stringify(own.body)).toBe(201)
    expect(own.body.booking).toMatchObject({ business_profile_id: businessProfile.body.business_profile.id, dependent_ids: [pet.body.dependent.id] })
  })

  it("lists upcoming and past bookings a page at a time, and shows a booking only to its customer", async () => {
    const upcoming = await api("/store/customers/me/bookings?when=upcoming&limit=1", { token: booker.token })
    expect(upcoming.status).toBe(200)
    expect(upcoming.body.bookings).toHaveLength(1)
    expect(upcoming.body.count).toBeGreaterThanOrEqual(2)
    const second = await api("/store/customers/me/bookings?when=upcoming&limit=1&offset=1", { token: booker.token })
    expect(new Date(second.body.bookings[0].starts_at).getTime()).toBeGreaterThanOrEqual(new Date(upcoming.body.bookings[0].starts_at).getTime())
    expect((await api("/store/customers/me/bookings?when=past", { token: booker.token })).body.bookings).toEqual([])

    const id = upcoming.body.bookings[0].id
    expect((await api(`/store/customers/me/bookings/${id}`, { token: booker.token })).body.booking.id).toBe(id)
    expect((await api(`/store/customers/me/bookings/${id}`, { token: stranger.token })).status).toBe(404)
    const bad = await api("/store/customers/me/bookings?when=yesterday", { token: booker.token })
    expect(bad.status).toBe(400)
    expect(bad.body.message).toMatch(/upcoming/)
  })

  it("never overfills a window: 200 simultaneous attempts at the last place give exactly one booking", async () => {
    // Window cleaning has one team: every window holds a single booking.
    const windows = await service("window-cleaning")
    const free = await freeWindows("window-cleaning")
    const last = free[free.length - 1]
    expect(last.remaining).toBe(1)
    const body = { service_id: windows.id, variant_id: windows.variants[0].id, starts_at: last.starts_at, location: { address: bristol } }

    const attempts = await Promise.all(Array.from({ length: 200 }, () => api("/store/customers/me/bookings", { token: booker.token, body })))
    const statuses = attempts.map((attempt) => attempt.status)
    expect(statuses.filter((status) => status === 201)).toHaveLength(1)
    expect(statuses.filter((status) => status === 409).length).toBe(199)
    expect(attempts.find((attempt) => attempt.status === 409)?.body.message).toMatch(/just been booked by someone else/)

    const [{ count }] = await sql(`select count(*)::int as count from booking where product_id = $1 and starts_at = $2`, [windows.id, last.starts_at])
    expect(count).toBe(1)
    expect((await freeWindows("window-cleaning")).some((w) => w.starts_at === last.starts_at)).toBe(false)
  }, 180_000)
})
