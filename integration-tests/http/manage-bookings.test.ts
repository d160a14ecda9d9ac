import { beforeAll, describe, expect, it } from "vitest"
import { adminToken, api, eventually, fileUpload, signUpCustomer, TINY_PNG } from "../support/api"
import { createFieldworker } from "../support/bookings"
import { apiBase, asCustomer } from "../support/files"
import { sql } from "../support/db"

type Customer = Awaited<ReturnType<typeof signUpCustomer>>
type Window = { starts_at: string; ends_at: string; remaining: number }
type Service = { id: string; handle: string; variants: { id: string; title: string }[] }

const OFFICE = "office@brightside.example"
const bristol = { address_1: "9 Chandos Road", city: "Bristol", postal_code: "BS6 6PG", country_code: "gb" }
// Gutter clearing has one team: a window holds one booking, so its counter says exactly whose it is.
const ONE_TEAM = "gutter-clearing"
// Regular home cleans have three teams per window.
const THREE_TEAMS = "regular-home-clean"

let owner: Customer
let stranger: Customer

async function service(handle: string): Promise<Service> {
  return (await api(`/store/services/${handle}`)).body.service
}

async function freeWindows(handle: string): Promise<Window[]> {
  return (await api(`/store/services/${handle}/availability?days=28`)).body.windows
}

/**
 * Free windows from the later part of the horizon, in a random order: other test files book the
 * first (and last) windows, so this keeps parallel files out of each other's way.
 */
async function spareWindows(handle: string): Promise<Window[]> {
  const windows = (await freeWindows(handle)).slice(10, -2)
  return windows.sort(() => Math.random() - 0.5)
}

/** The business's calendar day of an instant. */
const businessDay = (iso: string) => new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London" }).format(new Date(iso))

/** `count` of the windows, each on a day of its own, so visits in them can never overlap whatever their length. */
function onDifferentDays(windows: Window[], count: number): Window[] {
  const days = new Map<string, Window>()
  for (const window of windows) if (!days.has(businessDay(window.starts_at))) days.set(businessDay(window.starts_at), window)
  const picked = [...days.values()].slice(0, count)
  if (picked.length < count) throw new Error(`only ${picked.length} days with free windows`)
  return picked
}

async function book(customer: Customer, handle: string, window?: Window) {
  const svc = await service(handle)
  for (const candidate of window ? [window] : await spareWindows(handle)) {
    const response = await api("/store/customers/me/bookings", {
      token: customer.token,
      body: { service_id: svc.id, variant_id: svc.variants[0].id, starts_at: candidate.starts_at, location: { address: bristol } },
    })
    if (response.status === 201) return response.body.booking as Record<string, any>
    if (response.status !== 409 || window) throw new Error(`booking failed: ${response.status} ${JSON.stringify(response.body)}`)
  }
  throw new Error(`no free ${handle} window`)
}

/** How many bookings hold the window (0 when nobody does). */
async function booked(productId: string, startsAt: string): Promise<number> {
  const [row] = await sql<{ booked: number }>(`select booked from service_booked_window where product_id = $1 and starts_at = $2 and deleted_at is null`, [
    productId,
    startsAt,
  ])
  return row ? Number(row.booked) : 0
}

async function bookingRow(id: string) {
  const [row] = await sql(
    `select status, starts_at, ends_at, location, contact, instructions, cancelled_at, cancelled_by, cancellation_reason, reschedule_count, updated_at
       from booking where id = $1`,
    [id]
  )
  return row
}

/** The email with this template about this booking (other files' emails to the office are skipped). */
async function emailAbout(to: string, template: string, bookingNumber: string) {
  const token = await adminToken()
  return eventually(async () => {
    const { body } = await api(
      `/admin/notifications?to=${encodeURIComponent(to)}&channel=email&order=-created_at&limit=100&fields=id,to,template,data,created_at`,
      { token }
    )
    const match = (body.notifications as { template: string; data: Record<string, any> }[]).find(
      (notification) => notification.template === template && notification.data.booking_number === bookingNumber
    )
    if (!match) throw new Error(`No ${template} email about ${bookingNumber} to ${to} yet`)
    return match
  })
}

async function feedAbout(customer: Customer, title: string) {
  return eventually(async () => {
    const { body } = await api("/store/customers/me/notifications", { token: customer.token })
    const match = (body.notifications as { title: string; message: string; url: string }[]).find((n) => n.title === title)
    if (!match) throw new Error(`no "${title}" notification yet`)
    return match
  })
}

/** Moves a booking's time directly in the database: a visit that is "tomorrow morning" or already over. */
async function shiftBooking(id: string, hoursFromNow: number) {
  await sql(`update booking set starts_at = now() + make_interval(hours => $2), ends_at = now() + make_interval(hours => $2 + 2) where id = $1`, [
    id,
    hoursFromNow,
  ])
}

/** A URL Medusa handed out (localhost), fetched the way the tests reach the server. */
/** The file behind an attachment's URL (a route of the API), fetched as the owner. */
const fetchServed = (url: string) => fetch(`${apiBase()}${url}`, { headers: asCustomer(owner.token) })

const bookingPath = (id: string, rest = "") => `/store/customers/me/bookings/${id}${rest}`

beforeAll(async () => {
  owner = await signUpCustomer({ first_name: "Mandy", last_name: "Manager" })
  stranger = await signUpCustomer({ first_name: "Sid", last_name: "Stranger" })
})

describe("the booking overview", () => {
  it("shows the booking with its files, where it is and what can still be changed under the business's rules", async () => {
    const booking = await book(owner, ONE_TEAM)
    const { status, body } = await api(bookingPath(booking.id), { token: owner.token })
    expect(status).toBe(200)
    expect(body.booking).toMatchObject({ id: booking.id, service_handle: ONE_TEAM, attachments: [], reschedule_count: 0, status: "confirmed" })
    // No geocoder: the map is centred on the postcode's area, and says so.
    expect(body.booking.map).toMatchObject({ precision: "postcode_area", label: "BS postcode area (Bristol)" })
    expect(body.booking.map.latitude).toBeCloseTo(51.45, 1)
    expect(body.changes).toMatchObject({
      can_edit: true,
      can_cancel: true,
      can_reschedule: true,
      can_add_attachments: true,
      cancellation_cutoff_hours: 24,
      reschedule_cutoff_hours: 24,
      office_email: OFFICE,
    })
    expect(body.changes.cancellation_policy).toMatch(/cut-off/)
    expect(new Date(body.changes.cancel_until).getTime()).toBe(new Date(booking.starts_at).getTime() - 24 * 3600_000)

    // The portal's public settings carry the same rules, for pages shown before a booking is chosen.
    const settings = await api("/store/portal/settings")
    expect(settings.body.portal.booking_changes).toMatchObject({ cancellation_cutoff_hours: 24, reschedule_cutoff_hours: 24, office_email: OFFICE })

    expect((await api(bookingPath(booking.id), { token: stranger.token })).status).toBe(404)
  })
})

describe("contact details and job notes", () => {
  it("changes who to reach and the notes for the team of an upcoming booking", async () => {
    const booking = await book(owner, ONE_TEAM)
    const changed = await api(bookingPath(booking.id), {
      token: owner.token,
      body: { contact: { name: "Tom Tenant", email: "Tom.Tenant@Example.com", phone: "0117 496 0123" }, instructions: "Side gate code 4512." },
    })
    expect(changed.status, JSON.stringify(changed.body)).toBe(200)
    expect(changed.body.booking).toMatchObject({
      contact: { name: "Tom Tenant", email: "tom.tenant@example.com", phone: "0117 496 0123" },
      instructions: "Side gate code 4512.",
    })
    // Notes alone leave the contact as it is; a contact without a phone clears the phone.
    await api(bookingPath(booking.id), { token: owner.token, body: { instructions: "Gate code changed to 9981." } })
    const contactOnly = await api(bookingPath(booking.id), { token: owner.token, body: { contact: { name: "Tom Tenant", email: "tom@example.com" } } })
    expect(contactOnly.body.booking).toMatchObject({
      contact: { name: "Tom Tenant", email: "tom@example.com", phone: null },
      instructions: "Gate code changed to 9981.",
    })
    const cleared = await api(bookingPath(booking.id), { token: owner.token, body: { instructions: "" } })
    expect(cleared.body.booking.instructions).toBeNull()
  })

  it("refuses bad input with a 400 a person understands, and another customer's booking with a 404, changing nothing", async () => {
    const booking = await book(owner, ONE_TEAM)
    const before = await bookingRow(booking.id)
    const cases: [unknown, RegExp][] = [
      [{ contact: { name: "Tom", email: "not-an-email" } }, /Contact email must be a valid email address/],
      [{ contact: { name: "", email: "tom@example.com" } }, /Contact name cannot be empty/],
      [{ contact: { name: "Tom", email: "tom@example.com", phone: "call me" } }, /Contact phone must be a phone number/],
      [{ instructions: "x".repeat(2001) }, /Instructions must be at most 2000 characters/],
      [{ instructions: 42 }, /instructions/],
      [{}, /Send the contact details or the instructions/],
      [{ status: "cancelled" }, /Unrecognized fields: 'status'/],
    ]
    for (const [body, message] of cases) {
      const response = await api(bookingPath(booking.id), { token: owner.token, body })
      expect(response.status, JSON.stringify(body)).toBe(400)
      expect(response.body.message).toMatch(message)
    }
    const theirs = await api(bookingPath(booking.id), { token: stranger.token, body: { instructions: "Let me in" } })
    expect(theirs.status).toBe(404)
    expect(await bookingRow(booking.id)).toEqual(before)
  })
})

describe("photos and documents", () => {
  const PDF = Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
  // The start of an iPhone photo: an ISO media "ftyp" box with the HEIC brand.
  const HEIC = Buffer.concat([Buffer.from([0, 0, 0, 24]), Buffer.from("ftypheic"), Buffer.from([0, 0, 0, 0]), Buffer.from("mif1heic"), Buffer.alloc(64)])

  it("adds photos and PDFs through Medusa's File module, lists them on the booking and removes the customer's own", async () => {
    const booking = await book(owner, ONE_TEAM)
    const png = await api(bookingPath(booking.id, "/attachments"), {
      token: owner.token,
      raw: fileUpload({ name: "leaking gutter.png", type: "image/png", data: TINY_PNG }),
    })
    expect(png.status, JSON.stringify(png.body)).toBe(201)
    expect(png.body.attachment).toMatchObject({ filename: "leaking gutter.png", mime_type: "image/png", size_bytes: TINY_PNG.length, added_by: "customer" })
    // Served only through the booking's own route, which checks whose booking it is.
    expect(png.body.attachment.url).toBe(bookingPath(booking.id, `/attachments/${png.body.attachment.id}`))
    const served = await fetchServed(png.body.attachment.url)
    expect(served.status).toBe(200)
    expect(Buffer.from(await served.arrayBuffer()).equals(TINY_PNG)).toBe(true)

    // Named by their content: a PDF called .jpg is stored as a PDF.
    const pdf = await api(bookingPath(booking.id, "/attachments"), {
      token: owner.token,
      raw: fileUpload({ name: "quote.jpg", type: "image/jpeg", data: PDF }),
    })
    expect(pdf.status).toBe(201)
    expect(pdf.body.attachment).toMatchObject({ filename: "quote.pdf", mime_type: "application/pdf" })
    const heic = await api(bookingPath(booking.id, "/attachments"), {
      token: owner.token,
      raw: fileUpload({ name: "IMG_0042.HEIC", type: "image/heic", data: HEIC }),
    })
    expect(heic.status).toBe(201)
    expect(heic.body.attachment).toMatchObject({ filename: "IMG_0042.heic", mime_type: "image/heic" })

    const rows = await sql(`select filename, added_by, file_id from booking_attachment where booking_id = $1 and deleted_at is null order by created_at`, [
      booking.id,
    ])
    expect(rows.map((row) => [row.filename, row.added_by])).toEqual([
      ["leaking gutter.png", "customer"],
      ["quote.pdf", "customer"],
      ["IMG_0042.heic", "customer"],
    ])
    const read = await api(bookingPath(booking.id), { token: owner.token })
    expect(read.body.booking.attachments.map((a: { filename: string }) => a.filename)).toEqual(["leaking gutter.png", "quote.pdf", "IMG_0042.heic"])

    // Another customer can neither remove it nor see it.
    expect((await fetch(`${apiBase()}${png.body.attachment.url}`, { headers: asCustomer(stranger.token) })).status).toBe(404)
    const theirs = await api(bookingPath(booking.id, `/attachments/${png.body.attachment.id}`), { token: stranger.token, method: "DELETE" })
    expect(theirs.status).toBe(404)

    const removed = await api(bookingPath(booking.id, `/attachments/${png.body.attachment.id}`), { token: owner.token, method: "DELETE" })
    expect(removed.status, JSON.stringify(removed.body)).toBe(200)
    const after = await api(bookingPath(booking.id), { token: owner.token })
    expect(after.body.booking.attachments.map((a: { filename: string }) => a.filename)).toEqual(["quote.pdf", "IMG_0042.heic"])
    // The stored file is gone too.
    expect((await fetchServed(png.body.attachment.url)).status).toBe(404)
    expect((await api(bookingPath(booking.id, `/attachments/${png.body.attachment.id}`), { token: owner.token, method: "DELETE" })).status).toBe(404)
  })

  it("refuses files that are not photos or PDFs (400), over 10 MB (413), for someone else's booking (404), and staff's files stay", async () => {
    const booking = await book(owner, ONE_TEAM)
    const count = async () =>
      Number((await sql(`select count(*)::int as n from booking_attachment where booking_id = $1 and deleted_at is null`, [booking.id]))[0].n)
    const path = bookingPath(booking.id, "/attachments")

    const text = await api(path, {
      token: owner.token,
      raw: fileUpload({ name: "photo.png", type: "image/png", data: Buffer.from("just some text, not a picture") }),
    })
    expect(text.status).toBe(400)
    expect(text.body.message).toMatch(/not a photo or a PDF/)
    const big = await api(path, {
      token: owner.token,
      raw: fileUpload({ name: "huge.pdf", type: "application/pdf", data: Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024)]) }),
    })
    expect(big.status).toBe(413)
    expect(big.body.message).toMatch(/larger than 10 MB/)
    const nothing = await api(path, { token: owner.token, body: {} })
    expect(nothing.status).toBe(400)
    expect(nothing.body.message).toMatch(/Choose a file/)
    const theirs = await api(path, { token: stranger.token, raw: fileUpload({ name: "x.png", type: "image/png", data: TINY_PNG }) })
    expect(theirs.status).toBe(404)
    expect(await count()).toBe(0)

    // A file staff added (the admin's booking page writes these) can't be removed by the customer.
    await sql(
      `insert into booking_attachment (id, booking_id, file_id, url, filename, mime_type, size_bytes, added_by) values ($1, $2, 'staff-file', 'http://localhost/static/x.pdf', 'Quote.pdf', 'application/pdf', 10, 'staff')`,
      [`batt_staff_${Date.now()}`, booking.id]
    )
    const staffFile = (await api(bookingPath(booking.id), { token: owner.token })).body.booking.attachments[0]
    expect(staffFile).toMatchObject({ filename: "Quote.pdf", added_by: "staff" })
    const refused = await api(bookingPath(booking.id, `/attachments/${staffFile.id}`), { token: owner.token, method: "DELETE" })
    expect(refused.status).toBe(400)
    expect(refused.body.message).toMatch(/added by our team/)
    expect(await count()).toBe(1)
  })
})

describe("cancelling", () => {
  it("cancels before the cut-off: the window is free again, the order is cancelled, the office is emailed and the customer notified", async () => {
    const svc = await service(ONE_TEAM)
    const booking = await book(owner, ONE_TEAM)
    expect(await booked(svc.id, booking.starts_at)).toBe(1)

    // Someone else can't cancel it.
    const theirs = await api(bookingPath(booking.id, "/cancel"), { token: stranger.token, body: {} })
    expect(theirs.status).toBe(404)
    expect((await bookingRow(booking.id)).status).toBe("confirmed")
    expect(await booked(svc.id, booking.starts_at)).toBe(1)

    const bad = await api(bookingPath(booking.id, "/cancel"), { token: owner.token, body: { reason: "x".repeat(501) } })
    expect(bad.status).toBe(400)
    expect(bad.body.message).toMatch(/Reason must be at most 500 characters/)

    const cancelled = await api(bookingPath(booking.id, "/cancel"), { token: owner.token, body: { reason: "Moving house" } })
    expect(cancelled.status, JSON.stringify(cancelled.body)).toBe(200)
    expect(cancelled.body.booking).toMatchObject({ status: "cancelled", cancelled_by: "customer", cancellation_reason: "Moving house" })
    expect(cancelled.body.booking.cancelled_at).toBeTruthy()
    expect(cancelled.body.changes).toMatchObject({ can_cancel: false, can_reschedule: false, can_edit: false, can_add_attachments: false })

    // The place is given back and offered again.
    expect(await booked(svc.id, booking.starts_at)).toBe(0)
    expect((await freeWindows(ONE_TEAM)).some((w) => w.starts_at === booking.starts_at)).toBe(true)
    const order = await api(`/admin/orders/${booking.order_id}?fields=status`, { token: await adminToken() })
    expect(order.body.order.status).toBe("canceled")

    const office = await emailAbout(OFFICE, "booking-cancelled-office", booking.booking_number)
    expect(office.data).toMatchObject({ customer_name: "Mandy Manager", reason: "Moving house", service_title: "Gutter Clearing" })
    expect(office.data.when_text).toMatch(/arriving between \d\d:\d\d and \d\d:\d\d/)
    const mine = await emailAbout(owner.email.toLowerCase(), "booking-cancelled", booking.booking_number)
    expect(mine.data.book_again_url).toMatch(/\/book\/gutter-clearing$/)
    const note = await feedAbout(owner, `Booking ${booking.booking_number} cancelled`)
    expect(note.url).toBe(`/bookings/${booking.id}`)

    // A cancelled booking offers nothing more, and its window is not given back twice.
    const again = await api(bookingPath(booking.id, "/cancel"), { token: owner.token, body: {} })
    expect(again.status).toBe(409)
    expect(again.body.message).toMatch(/was cancelled/)
    const windows = await spareWindows(ONE_TEAM)
    for (const [path, body] of [
      ["/reschedule", { starts_at: windows[0].starts_at }],
      ["", { instructions: "Still coming?" }],
    ] as const) {
      const response = await api(bookingPath(booking.id, path), { token: owner.token, body })
      expect(response.status, path).toBe(409)
      expect(response.body.message).toMatch(/cancelled/)
    }
    const upload = await api(bookingPath(booking.id, "/attachments"), {
      token: owner.token,
      raw: fileUpload({ name: "x.png", type: "image/png", data: TINY_PNG }),
    })
    expect(upload.status).toBe(409)
    expect(await booked(svc.id, booking.starts_at)).toBe(0)
  })

  it("lets only one of several simultaneous cancellations through, giving the place back once", async () => {
    const svc = await service(THREE_TEAMS)
    const first = await book(owner, THREE_TEAMS)
    const windows = await freeWindows(THREE_TEAMS)
    const window = windows.find((w) => w.starts_at === first.starts_at)
    // A second booking in the same window, so a double release would show in the counter.
    const second = window ? await book(owner, THREE_TEAMS, window).catch(() => null) : null
    const holders = second ? 2 : 1
    expect(await booked(svc.id, first.starts_at)).toBeGreaterThanOrEqual(holders)
    const before = await booked(svc.id, first.starts_at)

    const attempts = await Promise.all(Array.from({ length: 6 }, () => api(bookingPath(first.id, "/cancel"), { token: owner.token, body: {} })))
    expect(attempts.filter((a) => a.status === 200)).toHaveLength(1)
    expect(attempts.filter((a) => a.status === 409)).toHaveLength(5)
    expect(await booked(svc.id, first.starts_at)).toBe(before - 1)
  })
})

describe("rescheduling", () => {
  it("moves the visit to another free window: the new one is taken, the old one freed, the office told both times", async () => {
    const svc = await service(ONE_TEAM)
    const booking = await book(owner, ONE_TEAM)
    const target = (await spareWindows(ONE_TEAM)).find((w) => w.starts_at !== booking.starts_at)!

    const theirs = await api(bookingPath(booking.id, "/reschedule"), { token: stranger.token, body: { starts_at: target.starts_at } })
    expect(theirs.status).toBe(404)
    expect(await booked(svc.id, target.starts_at)).toBe(0)

    const moved = await api(bookingPath(booking.id, "/reschedule"), { token: owner.token, body: { starts_at: target.starts_at } })
    expect(moved.status, JSON.stringify(moved.body)).toBe(200)
    expect(moved.body.booking).toMatchObject({ starts_at: target.starts_at, reschedule_count: 1, status: "confirmed" })
    expect(moved.body.booking.location.window_ends_at).toBe(target.ends_at)
    // The visit keeps its length (gutter clearing: 90 minutes).
    expect(new Date(moved.body.booking.ends_at).getTime() - new Date(target.starts_at).getTime()).toBe(90 * 60_000)

    expect(await booked(svc.id, target.starts_at)).toBe(1)
    expect(await booked(svc.id, booking.starts_at)).toBe(0)
    const free = await freeWindows(ONE_TEAM)
    expect(free.some((w) => w.starts_at === booking.starts_at)).toBe(true)
    expect(free.some((w) => w.starts_at === target.starts_at)).toBe(false)

    const office = await emailAbout(OFFICE, "booking-rescheduled-office", booking.booking_number)
    expect(office.data.previous_when_text).toMatch(/arriving between/)
    expect(office.data.when_text).toMatch(/arriving between/)
    expect(office.data.previous_when_text).not.toBe(office.data.when_text)
    // In the business's time zone: the old window's start as the office's clock shows it.
    const londonTime = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/London", hour: "2-digit", minute: "2-digit", hourCycle: "h23" })
    expect(office.data.previous_when_text).toContain(`between ${londonTime.format(new Date(booking.starts_at))}`)
    expect(office.data.when_text).toContain(`between ${londonTime.format(new Date(target.starts_at))}`)
    const mine = await emailAbout(owner.email.toLowerCase(), "booking-rescheduled", booking.booking_number)
    expect(mine.data.previous_when_text).toBe(office.data.previous_when_text)
    const note = await feedAbout(owner, `Booking ${booking.booking_number} rescheduled`)
    expect(note.message).toContain(office.data.when_text)
  })

  it("refuses a window that was just taken (409), the same time, a time not offered and bad input, changing nothing", async () => {
    const svc = await service(ONE_TEAM)
    const booking = await book(owner, ONE_TEAM)
    // Someone else books the window first.
    const rival = await signUpCustomer({ first_name: "Rita", last_name: "Rival" })
    const taken = await book(rival, ONE_TEAM)
    const before = await bookingRow(booking.id)

    const cases: [unknown, number, RegExp][] = [
      [{ starts_at: taken.starts_at }, 409, /just been booked by someone else/],
      [{ starts_at: booking.starts_at }, 400, /already at that time/],
      [{ starts_at: "2020-01-06T09:00:00.000Z" }, 400, /already passed/],
      [{ starts_at: new Date(new Date(taken.starts_at).getTime() + 17 * 60_000).toISOString() }, 400, /not one we offer/],
      [{ starts_at: "next Tuesday" }, 400, /starts_at must be one of the times offered/],
      [{}, 400, /starts_at/],
    ]
    for (const [body, status, message] of cases) {
      const response = await api(bookingPath(booking.id, "/reschedule"), { token: owner.token, body })
      expect(response.status, JSON.stringify(body)).toBe(status)
      expect(response.body.message).toMatch(message)
    }
    expect(await bookingRow(booking.id)).toEqual(before)
    expect(await booked(svc.id, booking.starts_at)).toBe(1)
    expect(await booked(svc.id, taken.starts_at)).toBe(1)
  })
})

describe("rescheduling a visit with a fieldworker", () => {
  it("keeps the fieldworker when they are free at the new time, and takes them off it when they are busy then", async () => {
    const admin = await adminToken()
    const fieldworker = await createFieldworker(admin, { name: "Rhys Rota", service_areas: ["BS"] })
    // Three windows on three different days: a regular clean lasts longer than its window, so
    // neighbouring windows overlap, and picking those made the assignment below fail at random.
    const [first, second, third] = onDifferentDays(
      (await spareWindows(THREE_TEAMS)).filter((w) => w.remaining >= 2),
      3
    )
    const busyAt = await book(owner, THREE_TEAMS, second)
    const moving = await book(owner, THREE_TEAMS, first)
    for (const booking of [busyAt, moving]) {
      const assigned = await api(`/admin/bookings/${booking.id}/fieldworker`, { token: admin, body: { fieldworker_id: fieldworker.id } })
      expect(assigned.status, JSON.stringify(assigned.body)).toBe(200)
    }

    // Free at the third window: still theirs.
    const kept = await api(bookingPath(moving.id, "/reschedule"), { token: owner.token, body: { starts_at: third.starts_at } })
    expect(kept.status, JSON.stringify(kept.body)).toBe(200)
    expect(kept.body.booking.fieldworker_id).toBe(fieldworker.id)

    // Moved onto their other visit's time: no longer theirs, so staff see it unassigned.
    const clashing = await api(bookingPath(moving.id, "/reschedule"), { token: owner.token, body: { starts_at: second.starts_at } })
    expect(clashing.status, JSON.stringify(clashing.body)).toBe(200)
    expect(clashing.body.booking.fieldworker_id).toBeNull()
    const staffView = await api(`/admin/bookings/${moving.id}`, { token: admin })
    expect(staffView.body.booking.fieldworker ?? null).toBeNull()
    expect((await api(`/admin/bookings/${busyAt.id}`, { token: admin })).body.booking.fieldworker.id).toBe(fieldworker.id)
  })
})

describe("rescheduling at the same moment", () => {
  it("never leaves a window held by nobody: a move that loses the race gives its new window back", async () => {
    const svc = await service(ONE_TEAM)
    const booking = await book(owner, ONE_TEAM)
    const targets = (await spareWindows(ONE_TEAM)).filter((w) => w.starts_at !== booking.starts_at).slice(0, 4)
    const attempts = await Promise.all(
      targets.map((target) => api(bookingPath(booking.id, "/reschedule"), { token: owner.token, body: { starts_at: target.starts_at } }))
    )
    const moved = attempts.filter((a) => a.status === 200).length
    expect(moved).toBeGreaterThanOrEqual(1)
    expect(
      attempts.every((a) => a.status === 200 || a.status === 409),
      JSON.stringify(attempts.map((a) => a.body))
    ).toBe(true)

    // Exactly one place is held, and it is the booking's own.
    const row = await bookingRow(booking.id)
    const windows = [booking.starts_at, ...targets.map((t) => t.starts_at)]
    const held = await Promise.all(windows.map((startsAt) => booked(svc.id, startsAt)))
    expect(held.reduce((sum, n) => sum + n, 0)).toBe(1)
    expect(await booked(svc.id, new Date(row.starts_at as string).toISOString())).toBe(1)
    expect(row.reschedule_count).toBe(moved)
  })
})

describe("the business's cut-off", () => {
  it("refuses to cancel or move a visit inside the cut-off, naming the rule and how to reach the office; notes can still change", async () => {
    const svc = await service(ONE_TEAM)
    const booking = await book(owner, ONE_TEAM)
    // The visit is now tomorrow morning, two hours away: inside the 24-hour cut-off.
    await shiftBooking(booking.id, 2)
    const before = await bookingRow(booking.id)

    const read = await api(bookingPath(booking.id), { token: owner.token })
    expect(read.body.changes).toMatchObject({ can_cancel: false, can_reschedule: false, can_edit: true })
    expect(read.body.changes.cancel_refusal).toMatch(/until 24 hours before the arrival window/)

    const cancel = await api(bookingPath(booking.id, "/cancel"), { token: owner.token, body: {} })
    expect(cancel.status).toBe(409)
    expect(cancel.body.message).toMatch(/Bookings can be cancelled online until 24 hours before the arrival window/)
    expect(cancel.body.message).toContain(OFFICE)
    const target = (await spareWindows(ONE_TEAM))[0]
    const move = await api(bookingPath(booking.id, "/reschedule"), { token: owner.token, body: { starts_at: target.starts_at } })
    expect(move.status).toBe(409)
    expect(move.body.message).toMatch(/rescheduled online until 24 hours before/)
    expect(await bookingRow(booking.id)).toEqual(before)
    expect(await booked(svc.id, booking.starts_at)).toBe(1)
    expect(await booked(svc.id, target.starts_at)).toBe(0)

    const notes = await api(bookingPath(booking.id), { token: owner.token, body: { instructions: "Running late? Ring me." } })
    expect(notes.status).toBe(200)

    // Once the visit is over, only photos and documents can still be added.
    await shiftBooking(booking.id, -48)
    const over = await api(bookingPath(booking.id), { token: owner.token, body: { instructions: "Thanks!" } })
    expect(over.status).toBe(409)
    expect(over.body.message).toMatch(/already started or taken place/)
    const photo = await api(bookingPath(booking.id, "/attachments"), {
      token: owner.token,
      raw: fileUpload({ name: "done.png", type: "image/png", data: TINY_PNG }),
    })
    expect(photo.status).toBe(201)
  })

  it("lets staff set the cut-offs, the fee and refund rules and the office phone in the portal settings", async () => {
    const admin = await adminToken()
    const current = (await api("/admin/portal/settings", { token: admin })).body.settings
    expect(current).toMatchObject({ cancellation_cutoff_hours: expect.any(Number), reschedule_cutoff_hours: expect.any(Number) })

    const bad: [unknown, RegExp][] = [
      [{ cancellation_cutoff_hours: -1 }, /between 0 and 720 hours/],
      [{ reschedule_cutoff_hours: 1.5 }, /whole number of hours/],
      [{ reschedule_cutoff_hours: "soon" }, /reschedule_cutoff_hours/],
      [{ cancellation_policy: "   " }, /cannot be empty/],
      [{ office_phone: "ring the bell" }, /office phone must be a phone number/],
      [{ office_email: "office at brightside" }, /office email must be an email address/],
      [{ office_email: 42 }, /office_email/],
    ]
    for (const [body, message] of bad) {
      const response = await api("/admin/portal/settings", { token: admin, body })
      expect(response.status, JSON.stringify(body)).toBe(400)
      expect(response.body.message).toMatch(message)
    }
    expect((await api("/admin/portal/settings", { token: admin })).body.settings).toEqual(current)

    // The office phone and the rules' wording don't change what any other test may do.
    const saved = await api("/admin/portal/settings", {
      token: admin,
      body: { office_phone: "0117 496 0000", cancellation_policy: current.cancellation_policy },
    })
    expect(saved.status).toBe(200)
    expect(saved.body.settings.office_phone).toBe("0117 496 0000")
    const portal = await api("/store/portal/settings")
    expect(portal.body.portal.booking_changes).toMatchObject({ office_phone: "0117 496 0000", cancellation_policy: current.cancellation_policy })

    const booking = await book(owner, ONE_TEAM)
    await shiftBooking(booking.id, 1)
    const refused = await api(bookingPath(booking.id, "/cancel"), { token: owner.token, body: {} })
    expect(refused.body.message).toMatch(/please call us on 0117 496 0000 or email office@brightside\.example/)

    // A longer cut-off applies at once (test files run one after another, and this one puts it back).
    const later = await book(owner, ONE_TEAM)
    try {
      expect((await api("/admin/portal/settings", { token: admin, body: { cancellation_cutoff_hours: 720 } })).status).toBe(200)
      const read = await api(bookingPath(later.id), { token: owner.token })
      expect(read.body.changes).toMatchObject({ can_cancel: false, can_reschedule: true, cancellation_cutoff_hours: 720 })
      const tooLate = await api(bookingPath(later.id, "/cancel"), { token: owner.token, body: {} })
      expect(tooLate.status).toBe(409)
      expect(tooLate.body.message).toMatch(/until 720 hours before the arrival window/)
    } finally {
      await api("/admin/portal/settings", { token: admin, body: { cancellation_cutoff_hours: current.cancellation_cutoff_hours } })
    }
    expect((await api(bookingPath(later.id, "/cancel"), { token: owner.token, body: {} })).status).toBe(200)
  })
})
