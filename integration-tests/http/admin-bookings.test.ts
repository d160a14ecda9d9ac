import { randomUUID } from "node:crypto"
import { beforeAll, describe, expect, it } from "vitest"
import { adminToken, api, eventually, latestEmail, signUpCustomer } from "../support/api"
import { createFieldworker, insertAttachment, insertBooking, type InsertedBooking } from "../support/bookings"
import { sql } from "../support/db"

type Customer = Awaited<ReturnType<typeof signUpCustomer>>
type Window = { starts_at: string; ends_at: string; remaining: number }
type ListedBooking = {
  id: string
  booking_number: string
  status: string
  starts_at: string
  customer: { id: string; name: string | null; email: string } | null
  fieldworker: { id: string; name: string } | null
  attachment_count: number
}

const bristol = { address_1: "14 Larch Avenue", city: "Bristol", postal_code: "BS6 7QT", country_code: "gb" }

let token: string
let owner: Customer
let other: Customer

beforeAll(async () => {
  token = await adminToken()
  owner = await signUpCustomer({ first_name: "Ada", last_name: "Listwell" })
  other = await signUpCustomer({ first_name: "Otto", last_name: "Other" })
})

const list = async (query: string) => {
  const response = await api(`/admin/bookings?${query}`, { token })
  expect(response.status, JSON.stringify(response.body)).toBe(200)
  return response.body as { bookings: ListedBooking[]; count: number; limit: number; offset: number }
}
const numbers = (bookings: { booking_number: string }[]) => bookings.map((booking) => booking.booking_number)

async function serviceByHandle(handle: string) {
  return (await api(`/store/services/${handle}`)).body.service as { id: string; variants: { id: string; title: string }[] }
}
async function freeWindows(handle: string): Promise<Window[]> {
  return (await api(`/store/services/${handle}/availability?days=28`)).body.windows
}

/** A real portal booking (cart → payment → order), for the routes that touch its order and window. */
async function placeBooking(customer: Customer, handle: string, extra: Record<string, unknown> = {}, pick: (windows: Window[]) => Window = (w) => w[0]) {
  const service = await serviceByHandle(handle)
  const window = pick(await freeWindows(handle))
  const response = await api("/store/customers/me/bookings", {
    token: customer.token,
    body: { service_id: service.id, variant_id: service.variants[0].id, starts_at: window.starts_at, location: { address: bristol }, ...extra },
  })
  expect(response.status, JSON.stringify(response.body)).toBe(201)
  return { booking: response.body.booking as { id: string; booking_number: string; starts_at: string; ends_at: string; order_id: string }, window }
}

describe("GET /admin/bookings", () => {
  // Six visits on consecutive days in March 2031 (GMT), one of each status and one more confirmed.
  const statuses = ["requested", "confirmed", "confirmed", "in_progress", "completed", "cancelled"]
  const email = `ada.${randomUUID().slice(0, 8)}@bookings.example.test`
  let rows: InsertedBooking[] = []

  beforeAll(async () => {
    rows = []
    for (const [index, status] of statuses.entries()) {
      const day = String(index + 2).padStart(2, "0")
      rows.push(await insertBooking({ email, customer_id: owner.customer.id, status, starts_at: `2031-03-${day}T09:00:00Z` }))
    }
    // Someone else's booking on one of the same days.
    await insertBooking({ email: other.email, customer_id: other.customer.id, starts_at: "2031-03-03T10:00:00Z" })
  })

  it("lists a customer's bookings by date, either way round, with who they are for", async () => {
    const ascending = await list(`customer_id=${owner.customer.id}`)
    expect(ascending.count).toBe(6)
    expect(numbers(ascending.bookings)).toEqual(numbers(rows))
    expect(ascending.bookings[0]).toMatchObject({
      status: "requested",
      customer: { id: owner.customer.id, name: "Ada Listwell", email: owner.email.toLowerCase() },
      fieldworker: null,
      attachment_count: 0,
    })
    const descending = await list(`customer_id=${owner.customer.id}&order=-starts_at`)
    expect(numbers(descending.bookings)).toEqual(numbers(rows).reverse())
  })

  it("filters by one status or several", async () => {
    const confirmed = await list(`customer_id=${owner.customer.id}&status=confirmed`)
    expect(confirmed.count).toBe(2)
    expect(confirmed.bookings.every((booking) => booking.status === "confirmed")).toBe(true)
    const commaSeparated = await list(`customer_id=${owner.customer.id}&status=confirmed,in_progress`)
    expect(commaSeparated.count).toBe(3)
    const repeated = await list(`customer_id=${owner.customer.id}&status=requested&status=cancelled`)
    expect(numbers(repeated.bookings)).toEqual([rows[0].booking_number, rows[5].booking_number])
  })

  it("filters by date range: whole days in the business's time zone, or exact times", async () => {
    const days = await list(`customer_id=${owner.customer.id}&from=2031-03-03&to=2031-03-05`)
    expect(numbers(days.bookings)).toEqual(numbers(rows.slice(1, 4)))
    const fromOnly = await list(`customer_id=${owner.customer.id}&from=2031-03-06`)
    expect(numbers(fromOnly.bookings)).toEqual(numbers(rows.slice(4)))
    const instants = await list(`customer_id=${owner.customer.id}&from=2031-03-03T09:00:00Z&to=2031-03-04T08:59:59Z`)
    expect(numbers(instants.bookings)).toEqual([rows[1].booking_number])
    // Without a customer, the day holds the other customer's booking too.
    const oneDay = await list(`from=2031-03-03&to=2031-03-03&limit=100`)
    expect(oneDay.bookings.map((booking) => booking.customer?.id)).toEqual(expect.arrayContaining([owner.customer.id, other.customer.id]))
    expect(oneDay.bookings.every((booking) => booking.starts_at.startsWith("2031-03-03"))).toBe(true)
  })

  it("pages through with limit and offset and always gives the total count", async () => {
    const page = await list(`customer_id=${owner.customer.id}&limit=2&offset=2`)
    expect(page).toMatchObject({ count: 6, limit: 2, offset: 2 })
    expect(numbers(page.bookings)).toEqual(numbers(rows.slice(2, 4)))
    const last = await list(`customer_id=${owner.customer.id}&limit=4&offset=4`)
    expect(numbers(last.bookings)).toEqual(numbers(rows.slice(4)))
    const beyond = await list(`customer_id=${owner.customer.id}&limit=4&offset=10`)
    expect(beyond).toMatchObject({ count: 6, bookings: [] })
  })

  it("finds bookings by booking number (whole or its start, any case) or the start of the email", async () => {
    const target = rows[3].booking_number
    const typed = target.toLowerCase().replace(/-/g, " ")
    expect(numbers((await list(`q=${encodeURIComponent(typed)}`)).bookings)).toEqual([target])
    const start = await list(`q=${encodeURIComponent(target.slice(0, 9))}&limit=100`)
    expect(numbers(start.bookings)).toContain(target)
    expect(start.bookings.every((booking) => booking.booking_number.startsWith(target.slice(0, 9)))).toBe(true)
    const byEmail = await list(`q=${encodeURIComponent(email.slice(0, 12).toUpperCase())}`)
    expect(numbers(byEmail.bookings)).toEqual(numbers(rows))
    // Wildcards typed by staff are plain characters.
    expect((await list(`q=${encodeURIComponent("%")}`)).count).toBe(0)
  })

  it("filters by fieldworker, or the bookings nobody is assigned to", async () => {
    const fieldworker = await createFieldworker(token, { name: "Fern Filter", service_areas: ["BS"] })
    for (const row of [rows[1], rows[3]]) {
      const assigned = await api(`/admin/bookings/${row.id}/fieldworker`, { token, body: { fieldworker_id: fieldworker.id } })
      expect(assigned.status, JSON.stringify(assigned.body)).toBe(200)
    }
    const theirs = await list(`fieldworker_id=${fieldworker.id}`)
    expect(numbers(theirs.bookings)).toEqual([rows[1].booking_number, rows[3].booking_number])
    expect(theirs.bookings[0].fieldworker).toEqual({ id: fieldworker.id, name: "Fern Filter", removed: false })
    const unassigned = await list(`customer_id=${owner.customer.id}&fieldworker_id=none`)
    expect(unassigned.count).toBe(4)
    const combined = await list(`fieldworker_id=${fieldworker.id}&status=in_progress`)
    expect(numbers(combined.bookings)).toEqual([rows[3].booking_number])
  })

  it("refuses bad queries with a 400 that says what is wrong", async () => {
    const cases: [string, RegExp][] = [
      ["status=done", /status must be one or more of requested, confirmed, in_progress, completed, cancelled/],
      ["status=confirmed,done", /status must be one or more of/],
      ["from=tomorrow", /from must be a date like 2026-12-01/],
      ["to=2031-02-30", /to must be a date/],
      ["from=2031-03-05&to=2031-03-01", /from must be on or before to/],
      ["limit=0", /limit must be at least 1/],
      ["limit=500", /limit must be at most 100/],
      ["offset=-1", /offset cannot be negative/],
      ["order=price", /order must be "starts_at"/],
      ["colour=blue", /colour/],
    ]
    for (const [query, message] of cases) {
      const response = await api(`/admin/bookings?${query}`, { token })
      expect(response.status, query).toBe(400)
      expect(response.body.message, query).toMatch(message)
    }
  })
})

describe("GET /admin/bookings/:id", () => {
  it("shows the booking with its customer, order, location, contact, business profile, dependents and attachments", async () => {
    const businessProfile = await api("/store/customers/me/business-profiles", {
      token: owner.token,
      body: { name: "Listwell Lettings", billing_email: "accounts@listwell.test", ...bristol },
    })
    const types = (await api("/store/customers/me/dependents", { token: owner.token })).body.dependent_types
    const pets = types.find((type: { label_plural: string }) => type.label_plural === "Pets")
    const pet = await api("/store/customers/me/dependents", { token: owner.token, body: { type_id: pets.id, name: "Biscuit" } })
    const { booking } = await placeBooking(owner, "regular-home-clean", {
      business_profile_id: businessProfile.body.business_profile.id,
      dependent_ids: [pet.body.dependent.id],
      instructions: "Side gate is open.",
    })
    const attachmentId = await insertAttachment(booking.id, {
      filename: "leaky-tap.png",
      url: "http://localhost/static/leaky-tap.png",
      mime_type: "image/png",
      size_bytes: 2048,
    })

    const response = await api(`/admin/bookings/${booking.id}`, { token })
    expect(response.status, JSON.stringify(response.body)).toBe(200)
    expect(response.body.time_zone).toBe("Europe/London")
    expect(response.body.booking).toMatchObject({
      id: booking.id,
      booking_number: booking.booking_number,
      status: "confirmed",
      service_title: "Regular Home Clean",
      instructions: "Side gate is open.",
      postcode: "BS6 7QT",
      location: { address_1: "14 Larch Avenue", city: "Bristol", postal_code: "BS6 7QT" },
      contact: { name: "Ada Listwell", email: owner.email.toLowerCase() },
      customer: { id: owner.customer.id, name: "Ada Listwell", email: owner.email.toLowerCase() },
      fieldworker: null,
      order: { id: booking.order_id, currency_code: "gbp" },
      business_profile: { name: "Listwell Lettings", billing_email: "accounts@listwell.test" },
      dependents: [{ id: pet.body.dependent.id, name: "Biscuit", type_label: "Pet" }],
      attachments: [
        {
          filename: "leaky-tap.png",
          mime_type: "image/png",
          size_bytes: 2048,
          url: `/admin/bookings/${booking.id}/attachments/${attachmentId}`,
          added_by: "customer",
        },
      ],
      allowed_statuses: ["in_progress", "completed", "cancelled"],
    })
    expect(response.body.booking.order.display_id).toEqual(expect.any(Number))
    expect(response.body.booking.order.total).toBeGreaterThan(0)

    const listed = await list(`q=${booking.booking_number}`)
    expect(listed.bookings[0].attachment_count).toBe(1)
  })

  it("answers 404 for a booking that does not exist", async () => {
    const response = await api("/admin/bookings/bkg_missing", { token })
    expect(response.status).toBe(404)
    expect(response.body.message).toMatch(/Booking bkg_missing was not found/)
  })
})

describe("POST /admin/bookings/:id/fieldworker", () => {
  it("assigns and unassigns, and records it in the customer's history", async () => {
    const fieldworker = await createFieldworker(token, { name: "Grace Assign", service_areas: ["BS"] })
    const booking = await insertBooking({ email: owner.email, customer_id: owner.customer.id, starts_at: "2031-05-06T09:00:00Z" })
    const assigned = await api(`/admin/bookings/${booking.id}/fieldworker`, { token, body: { fieldworker_id: fieldworker.id } })
    expect(assigned.status, JSON.stringify(assigned.body)).toBe(200)
    expect(assigned.body.booking.fieldworker).toMatchObject({ id: fieldworker.id, name: "Grace Assign", covers_postcode: true })
    const [row] = await sql<{ fieldworker_id: string | null }>(`select fieldworker_id from booking where id = $1`, [booking.id])
    expect(row.fieldworker_id).toBe(fieldworker.id)

    const unassigned = await api(`/admin/bookings/${booking.id}/fieldworker`, { token, body: { fieldworker_id: null } })
    expect(unassigned.status).toBe(200)
    expect(unassigned.body.booking.fieldworker).toBeNull()

    const profile = (await api(`/admin/customers/${owner.customer.id}/profile`, { token })).body.profile
    const messages = profile.activity.map((entry: { message: string }) => entry.message)
    expect(messages).toContain(`Grace Assign was assigned to booking ${booking.booking_number} (Window Cleaning).`)
    expect(messages).toContain(`Grace Assign was unassigned from booking ${booking.booking_number} (Window Cleaning).`)
    expect(profile.activity.find((entry: { kind: string }) => entry.kind === "booking_fieldworker_assigned").actor).toBe("admin@example.com")
  })

  it("warns when the postcode is outside the fieldworker's areas, and assigns when staff confirm", async () => {
    const bath = await createFieldworker(token, { name: "Bea Bath", service_areas: ["BA"] })
    const booking = await insertBooking({ email: owner.email, customer_id: owner.customer.id, starts_at: "2031-05-07T09:00:00Z", postal_code: "BS6 7QT" })
    const warned = await api(`/admin/bookings/${booking.id}/fieldworker`, { token, body: { fieldworker_id: bath.id } })
    expect(warned.status).toBe(409)
    expect(warned.body).toMatchObject({
      code: "fieldworker_outside_area",
      message: "Bea Bath doesn't cover BS6 7QT (their areas: BA). Assign anyway if they are covering this visit.",
    })
    expect((await sql(`select fieldworker_id from booking where id = $1`, [booking.id]))[0].fieldworker_id).toBeNull()

    const confirmed = await api(`/admin/bookings/${booking.id}/fieldworker`, { token, body: { fieldworker_id: bath.id, outside_area: true } })
    expect(confirmed.status).toBe(200)
    expect(confirmed.body.booking.fieldworker).toMatchObject({ id: bath.id, covers_postcode: false })
  })

  it("refuses a fieldworker who is already booked at an overlapping time with 409, however the requests race", async () => {
    const fieldworker = await createFieldworker(token, { name: "Busy Bee", service_areas: [] })
    // 09:00–11:00 and 10:30–12:30 overlap; 11:00–13:00 only touches the first.
    const first = await insertBooking({ email: owner.email, customer_id: owner.customer.id, starts_at: "2031-06-02T09:00:00Z" })
    const overlapping = await insertBooking({ email: other.email, customer_id: other.customer.id, starts_at: "2031-06-02T10:30:00Z" })
    const afterwards = await insertBooking({ email: other.email, customer_id: other.customer.id, starts_at: "2031-06-02T11:00:00Z" })
    expect((await api(`/admin/bookings/${first.id}/fieldworker`, { token, body: { fieldworker_id: fieldworker.id } })).status).toBe(200)

    const clash = await api(`/admin/bookings/${overlapping.id}/fieldworker`, { token, body: { fieldworker_id: fieldworker.id } })
    expect(clash.status).toBe(409)
    expect(clash.body.code).toBe("fieldworker_busy")
    expect(clash.body.message).toBe(
      `Busy Bee is already booked at that time: Window Cleaning (${first.booking_number}), Mon 2 Jun, 10:00–12:00. Choose someone else or move one of the visits.`
    )
    expect((await api(`/admin/bookings/${afterwards.id}/fieldworker`, { token, body: { fieldworker_id: fieldworker.id } })).status).toBe(200)

    // A cancelled visit no longer holds the time.
    expect((await api(`/admin/bookings/${first.id}/status`, { token, body: { status: "cancelled" } })).status).toBe(200)
    expect((await api(`/admin/bookings/${overlapping.id}/fieldworker`, { token, body: { fieldworker_id: fieldworker.id } })).status).toBe(409)
    await api(`/admin/bookings/${afterwards.id}/fieldworker`, { token, body: { fieldworker_id: null } })
    expect((await api(`/admin/bookings/${overlapping.id}/fieldworker`, { token, body: { fieldworker_id: fieldworker.id } })).status).toBe(200)

    // Two staff members give the same fieldworker two overlapping visits at the same moment: one wins.
    const racer = await createFieldworker(token, { name: "Race Condition" })
    const a = await insertBooking({ email: owner.email, customer_id: owner.customer.id, starts_at: "2031-06-03T09:00:00Z" })
    const b = await insertBooking({ email: other.email, customer_id: other.customer.id, starts_at: "2031-06-03T09:30:00Z" })
    const results = await Promise.all(
      [a, b, a, b].map((booking) => api(`/admin/bookings/${booking.id}/fieldworker`, { token, body: { fieldworker_id: racer.id } }))
    )
    const statuses = results.map((result) => result.status).sort()
    expect(statuses.filter((status) => status === 200).length).toBeGreaterThanOrEqual(1)
    expect(statuses.every((status) => status === 200 || status === 409)).toBe(true)
    const held = await sql(`select id from booking where fieldworker_id = $1`, [racer.id])
    expect(held).toHaveLength(1)
  })

  it("answers 404 for an unknown fieldworker or booking, 409 for an inactive one or a cancelled booking, 400 for a bad body", async () => {
    const booking = await insertBooking({ email: owner.email, customer_id: owner.customer.id, starts_at: "2031-06-10T09:00:00Z" })
    const unknown = await api(`/admin/bookings/${booking.id}/fieldworker`, { token, body: { fieldworker_id: "fwkr_missing" } })
    expect(unknown.status).toBe(404)
    expect(unknown.body.message).toBe("Fieldworker fwkr_missing was not found")
    const fieldworker = await createFieldworker(token, { name: "Ivy Inactive", active: false })
    expect((await api(`/admin/bookings/bkg_missing/fieldworker`, { token, body: { fieldworker_id: fieldworker.id } })).status).toBe(404)

    const inactive = await api(`/admin/bookings/${booking.id}/fieldworker`, { token, body: { fieldworker_id: fieldworker.id } })
    expect(inactive.status).toBe(409)
    expect(inactive.body).toMatchObject({ code: "fieldworker_inactive", message: expect.stringMatching(/Ivy Inactive is marked inactive/) })

    const cancelled = await insertBooking({ email: owner.email, customer_id: owner.customer.id, status: "cancelled", starts_at: "2031-06-11T09:00:00Z" })
    const active = await createFieldworker(token, { name: "Al Active" })
    const closed = await api(`/admin/bookings/${cancelled.id}/fieldworker`, { token, body: { fieldworker_id: active.id } })
    expect(closed.status).toBe(409)
    expect(closed.body.message).toBe(`Booking ${cancelled.booking_number} is cancelled, so nobody can be assigned to it.`)

    for (const [body, message] of [
      [{}, /Field 'fieldworker_id' is required/],
      [{ fieldworker_id: 42 }, /for field 'fieldworker_id'/],
      [{ fieldworker_id: "  " }, /fieldworker_id must be an id/],
      [{ fieldworker_id: active.id, outside_area: "yes" }, /'boolean' for field 'outside_area'/],
      [{ fieldworker_id: active.id, priority: 1 }, /priority/],
    ] as const) {
      const response = await api(`/admin/bookings/${booking.id}/fieldworker`, { token, body })
      expect(response.status, JSON.stringify(body)).toBe(400)
      expect(response.body.message).toMatch(message)
    }
    expect((await sql(`select fieldworker_id from booking where id = $1`, [booking.id]))[0].fieldworker_id).toBeNull()
  })
})

describe("POST /admin/bookings/:id/status", () => {
  it("moves a booking through its visit and refuses transitions that make no sense with 400", async () => {
    const booking = await insertBooking({ email: owner.email, customer_id: owner.customer.id, starts_at: "2031-07-01T09:00:00Z" })
    const started = await api(`/admin/bookings/${booking.id}/status`, { token, body: { status: "in_progress" } })
    expect(started.status, JSON.stringify(started.body)).toBe(200)
    expect(started.body.booking).toMatchObject({ status: "in_progress", allowed_statuses: ["completed", "confirmed", "cancelled"] })
    // The visit is years away: completing it needs staff to confirm an early finish (visit-completion.test.ts).
    const done = await api(`/admin/bookings/${booking.id}/status`, { token, body: { status: "completed", early_finish: true } })
    expect(done.body.booking).toMatchObject({ status: "completed", allowed_statuses: [] })

    const reopened = await api(`/admin/bookings/${booking.id}/status`, { token, body: { status: "cancelled" } })
    expect(reopened.status).toBe(400)
    expect(reopened.body.message).toBe(`Booking ${booking.booking_number} is completed, so its status can no longer change.`)
    const requested = await insertBooking({ email: owner.email, customer_id: owner.customer.id, status: "requested", starts_at: "2031-07-02T09:00:00Z" })
    const skipped = await api(`/admin/bookings/${requested.id}/status`, { token, body: { status: "completed" } })
    expect(skipped.status).toBe(400)
    expect(skipped.body.message).toBe(
      `Booking ${requested.booking_number} is requested, so it can't be marked completed. It can be marked “confirmed”, “in progress” or “cancelled”.`
    )
    const same = await api(`/admin/bookings/${requested.id}/status`, { token, body: { status: "requested" } })
    expect(same.body.message).toBe(`Booking ${requested.booking_number} is already requested.`)

    for (const [body, message] of [
      [{ status: "done" }, /status must be one of requested, confirmed, in_progress, completed, cancelled/],
      [{}, /Field 'status' is required/],
      [{ status: "confirmed", reason: "Rain" }, /A reason can only be given when cancelling/],
      [{ status: "cancelled", reason: "x".repeat(501) }, /reason must be at most 500 characters/],
    ] as const) {
      const response = await api(`/admin/bookings/${requested.id}/status`, { token, body })
      expect(response.status, JSON.stringify(body)).toBe(400)
      expect(response.body.message).toMatch(message)
    }
    expect((await sql(`select status from booking where id = $1`, [requested.id]))[0].status).toBe("requested")
    expect((await api(`/admin/bookings/bkg_missing/status`, { token, body: { status: "cancelled" } })).status).toBe(404)
  })

  it("cancelling frees the arrival window, records who and why, and tells the customer", async () => {
    const { booking, window } = await placeBooking(owner, "end-of-tenancy-clean", {}, (windows) => windows[windows.length - 1])
    const remainingAfterBooking = (await freeWindows("end-of-tenancy-clean")).find((w) => w.starts_at === window.starts_at)?.remaining ?? 0
    expect(remainingAfterBooking).toBe(window.remaining - 1)

    const cancelled = await api(`/admin/bookings/${booking.id}/status`, { token, body: { status: "cancelled", reason: "Our van broke down" } })
    expect(cancelled.status, JSON.stringify(cancelled.body)).toBe(200)
    expect(cancelled.body.booking).toMatchObject({ status: "cancelled", cancelled_by: "staff", cancellation_reason: "Our van broke down" })
    expect(cancelled.body.booking.cancelled_at).toEqual(expect.any(String))
    const after = (await freeWindows("end-of-tenancy-clean")).find((w) => w.starts_at === window.starts_at)
    expect(after?.remaining).toBe(window.remaining)

    // The customer sees it in the portal's notifications and in their own booking.
    const feed = await eventually(async () => {
      const { body } = await api("/store/customers/me/notifications", { token: owner.token })
      const notice = body.notifications.find((n: { title: string }) => n.title === `Booking ${booking.booking_number} cancelled`)
      if (!notice) throw new Error("no cancellation notice yet")
      return notice
    })
    expect(feed.message).toMatch(/We cancelled your End of Tenancy Clean visit on .+\. Reason: Our van broke down/)
    expect(feed.url).toBe(`/bookings/${booking.id}`)
    expect((await api(`/store/customers/me/bookings/${booking.id}`, { token: owner.token })).body.booking.status).toBe("cancelled")
    // …by email with the reason, and the Medusa order (and so any hold on their card) is cancelled; no "customer cancelled" email to the office.
    const email = await latestEmail(owner.email, "booking-cancelled")
    expect(email.data).toMatchObject({ booking_number: booking.booking_number, staff_reason: "Our van broke down" })
    const order = await api(`/admin/orders/${booking.order_id}?fields=id,status`, { token })
    expect(order.body.order.status).toBe("canceled")
    const officeEmails = await api(`/admin/notifications?to=office%40brightside.example&channel=email&limit=200&fields=id,template,data`, { token })
    expect(officeEmails.status).toBe(200)
    const aboutThisBooking = (n: { template: string; data: { booking_number?: string } }) => n.data.booking_number === booking.booking_number
    expect(officeEmails.body.notifications.filter(aboutThisBooking).map((n: { template: string }) => n.template)).toEqual(["booking-received"])
    const profile = (await api(`/admin/customers/${owner.customer.id}/profile`, { token })).body.profile
    expect(profile.activity.map((entry: { message: string }) => entry.message)).toContain(
      `Booking ${booking.booking_number} (End of Tenancy Clean) was cancelled by staff: Our van broke down`
    )

    // Cancelling twice gives nothing back twice.
    const again = await api(`/admin/bookings/${booking.id}/status`, { token, body: { status: "cancelled" } })
    expect(again.status).toBe(400)
    expect(again.body.message).toBe(`Booking ${booking.booking_number} is already cancelled.`)
    expect((await freeWindows("end-of-tenancy-clean")).find((w) => w.starts_at === window.starts_at)?.remaining).toBe(window.remaining)
  })
})

describe("admin booking routes are for staff only", () => {
  it("answers 401 to customers and visitors, and changes nothing", async () => {
    const booking = await insertBooking({ email: owner.email, customer_id: owner.customer.id, starts_at: "2031-08-01T09:00:00Z" })
    const calls: [string, unknown][] = [
      ["/admin/bookings", undefined],
      [`/admin/bookings/${booking.id}`, undefined],
      [`/admin/bookings/${booking.id}/status`, { status: "cancelled" }],
      [`/admin/bookings/${booking.id}/fieldworker`, { fieldworker_id: null }],
      ["/admin/fieldworkers", undefined],
      ["/admin/fieldworkers", { name: "Sneaky", email: "sneaky@example.test" }],
    ]
    for (const [path, body] of calls) {
      expect((await api(path, { token: owner.token, body })).status, path).toBe(401)
      expect((await api(path, { body })).status, path).toBe(401)
    }
    expect((await sql(`select status from booking where id = $1`, [booking.id]))[0].status).toBe("confirmed")
    expect(await sql(`select id from fieldworker where name = 'Sneaky'`)).toEqual([])
  })
})
