import { beforeAll, describe, expect, it } from "vitest"
import { api, demoCustomerToken, signUpCustomer } from "../support/api"
import { sql } from "../support/db"

/**
 * Item 10 of issue #15: someone signed in with their email and booking number opens, cancels and
 * reschedules the bookings made with that email, under the same rules as a signed-in customer,
 * and nobody else's.
 */

type Customer = Awaited<ReturnType<typeof signUpCustomer>>
type Window = { starts_at: string; ends_at: string }

const bristol = { address_1: "3 Cotham Hill", city: "Bristol", postal_code: "BS6 6LA", country_code: "gb" }
// One team per window: the window's counter says exactly whose booking holds it.
const HANDLE = "gutter-clearing"
const path = (id: string, rest = "") => `/store/portal/booking-session/bookings/${id}${rest}`

let owner: Customer
let stranger: Customer
let service: { id: string; variants: { id: string }[] }

/** Free windows from the later part of the horizon in a random order, out of other files' way. */
async function spareWindows(): Promise<Window[]> {
  const windows: Window[] = (await api(`/store/services/${HANDLE}/availability?days=28`)).body.windows
  return windows.slice(12, -2).sort(() => Math.random() - 0.5)
}

async function book(customer: Customer) {
  for (const window of await spareWindows()) {
    const response = await api("/store/customers/me/bookings", {
      token: customer.token,
      body: { service_id: service.id, variant_id: service.variants[0].id, starts_at: window.starts_at, location: { address: bristol } },
    })
    if (response.status === 201) return response.body.booking as { id: string; booking_number: string; starts_at: string; order_id: string }
    if (response.status !== 409) throw new Error(`booking failed: ${response.status} ${JSON.stringify(response.body)}`)
  }
  throw new Error("no free window")
}

async function bookingNumberSession(email: string, bookingNumber: string): Promise<string> {
  const response = await api("/auth/customer/booking-number", { body: { email, booking_number: bookingNumber } })
  expect(response.status).toBe(200)
  return response.body.token
}

async function booked(startsAt: string): Promise<number> {
  const [row] = await sql<{ booked: number }>(`select booked from service_booked_window where product_id = $1 and starts_at = $2 and deleted_at is null`, [
    service.id,
    startsAt,
  ])
  return row ? Number(row.booked) : 0
}

const bookingRow = async (id: string) =>
  (await sql<{ status: string; starts_at: Date; reschedule_count: number }>(`select status, starts_at, reschedule_count from booking where id = $1`, [id]))[0]

beforeAll(async () => {
  owner = await signUpCustomer({ first_name: "Bea", last_name: "Booker" })
  stranger = await signUpCustomer({ first_name: "Stan", last_name: "Stranger" })
  service = (await api(`/store/services/${HANDLE}`)).body.service
})

describe("a booking-number session's own bookings", () => {
  it("opens one with the same window and rules, moves it to a free window, then cancels it", async () => {
    const booking = await book(owner)
    const token = await bookingNumberSession(owner.email.toUpperCase(), booking.booking_number.toLowerCase())

    const list = await api("/store/portal/booking-session", { token })
    const listed = list.body.bookings.find((b: { id: string }) => b.id === booking.id)
    const opened = await api(path(booking.id), { token })
    expect(opened.status).toBe(200)
    expect(opened.body.booking).toMatchObject({ id: booking.id, booking_number: booking.booking_number, status: "confirmed" })
    // The same arrival window as the list and the signed-in customer's page.
    const own = await api(`/store/customers/me/bookings/${booking.id}`, { token: owner.token })
    expect(listed.window_ends_at).toBe(own.body.booking.location.window_ends_at)
    expect(opened.body.booking.location.window_ends_at).toBe(own.body.booking.location.window_ends_at)
    expect(opened.body.booking.price.total).toBe(own.body.booking.price.total)
    // Cancel and reschedule under the business's rules; details and files need a full account.
    expect(opened.body.changes).toMatchObject({ can_cancel: true, can_reschedule: true, can_edit: false, can_add_attachments: false })
    expect(opened.body.changes.edit_refusal).toMatch(/full account/)

    const target = (await spareWindows()).find((window) => window.starts_at !== booking.starts_at)!
    const moved = await api(path(booking.id, "/reschedule"), { token, body: { starts_at: target.starts_at } })
    expect(moved.status).toBe(200)
    expect(new Date(moved.body.booking.starts_at).toISOString()).toBe(new Date(target.starts_at).toISOString())
    expect(await booked(target.starts_at)).toBe(1)
    expect(await booked(booking.starts_at)).toBe(0)
    expect((await bookingRow(booking.id)).reschedule_count).toBe(1)

    const cancelled = await api(path(booking.id, "/cancel"), { token, body: { reason: "Moving house" } })
    expect(cancelled.status).toBe(200)
    expect(cancelled.body.booking.status).toBe("cancelled")
    expect(await booked(target.starts_at)).toBe(0)
    const [order] = await sql<{ status: string }>('select status from "order" where id = $1', [booking.order_id])
    expect(order.status).toBe("canceled")
    // The signed-in customer sees the same cancelled booking.
    expect((await api(`/store/customers/me/bookings/${booking.id}`, { token: owner.token })).body.booking.status).toBe("cancelled")
  })

  it("answers another email's booking as not found and changes nothing of it", async () => {
    const mine = await book(owner)
    const theirs = await book(stranger)
    const token = await bookingNumberSession(owner.email, mine.booking_number)
    const before = await bookingRow(theirs.id)

    expect((await api(path(theirs.id), { token })).status).toBe(404)
    const cancel = await api(path(theirs.id, "/cancel"), { token, body: {} })
    expect(cancel.status).toBe(404)
    expect(JSON.stringify(cancel.body)).not.toContain(theirs.booking_number)
    const target = (await spareWindows())[0]
    expect((await api(path(theirs.id, "/reschedule"), { token, body: { starts_at: target.starts_at } })).status).toBe(404)
    expect(await bookingRow(theirs.id)).toEqual(before)
    expect(await booked(theirs.starts_at)).toBe(1)
  })

  it("refuses bad input with a readable 400, and a visit inside the cut-off with the rule, changing nothing", async () => {
    const booking = await book(owner)
    const token = await bookingNumberSession(owner.email, booking.booking_number)
    const before = await bookingRow(booking.id)

    const notATime = await api(path(booking.id, "/reschedule"), { token, body: { starts_at: "next tuesday" } })
    expect(notATime.status).toBe(400)
    expect(notATime.body.message).toMatch(/one of the times offered/)
    const longReason = await api(path(booking.id, "/cancel"), { token, body: { reason: "x".repeat(501) } })
    expect(longReason.status).toBe(400)
    expect(longReason.body.message).toMatch(/Reason/)
    const unknown = await api(path(booking.id, "/cancel"), { token, body: { reason: "ok", refund: "all" } })
    expect(unknown.status).toBe(400)
    expect(await bookingRow(booking.id)).toEqual(before)

    // Tomorrow morning: inside the demo business's 24-hour cut-off.
    await sql(`update booking set starts_at = now() + interval '3 hours', ends_at = now() + interval '5 hours' where id = $1`, [booking.id])
    const late = await api(path(booking.id, "/cancel"), { token, body: {} })
    expect(late.status).toBe(409)
    expect(late.body.message).toMatch(/cancelled online until 24 hours before the arrival window/)
    expect((await bookingRow(booking.id)).status).toBe("confirmed")
  })

  it("is refused to a customer's session and to visitors", async () => {
    const booking = await book(owner)
    const customerToken = await demoCustomerToken()
    expect((await api(path(booking.id), { token: customerToken })).status).toBe(401)
    expect((await api(path(booking.id, "/cancel"), { token: owner.token, body: {} })).status).toBe(401)
    expect((await api(path(booking.id))).status).toBe(401)
    expect((await bookingRow(booking.id)).status).toBe("confirmed")
  })
})
