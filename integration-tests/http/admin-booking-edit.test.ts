import { beforeAll, describe, expect, it } from "vitest"
import { adminToken, api, fileUpload, signUpCustomer, TINY_PNG } from "../support/api"
import { insertBooking } from "../support/bookings"
import { sql } from "../support/db"
import { apiBase, asStaff, TINY_PDF } from "../support/files"

/**
 * Issue 16, item 13: staff edit a booking from its admin page: the visit's address (a saved
 * location of the customer's or a new one), who to ask for and the instructions, and its photos
 * and documents, under the same checks the portal applies.
 */

type Customer = Awaited<ReturnType<typeof signUpCustomer>>
type Window = { starts_at: string; ends_at: string }
type Address = { address_1: string; city: string; postal_code: string; country_code: string }

// Regular home cleans are offered in Bristol (BS) and Bath (BA), three teams a window.
const HOME_CLEAN = "regular-home-clean"
const bristol: Address = { address_1: "9 Chandos Road", city: "Bristol", postal_code: "BS6 6PG", country_code: "gb" }
const bath: Address = { address_1: "4 Pulteney Bridge", city: "Bath", postal_code: "BA2 4AT", country_code: "gb" }
const gloucester: Address = { address_1: "1 Westgate Street", city: "Gloucester", postal_code: "GL1 2NW", country_code: "gb" }

let token: string
let owner: Customer
let stranger: Customer
let bathId: string
let gloucesterId: string
let strangersId: string

const bookingPath = (id: string, rest = "") => `/admin/bookings/${id}${rest}`

/** Saves a location for the customer through the portal's own route; answers its id. */
async function saveLocation(customer: Customer, address: Address, label: string) {
  const response = await api("/store/customers/me/addresses", { token: customer.token, body: { ...address, address_name: label } })
  expect(response.status, JSON.stringify(response.body)).toBe(200)
  const saved = (response.body.customer.addresses as { id: string; address_name: string }[]).find((a) => a.address_name === label)
  return saved!.id
}

/** A real portal booking in Bristol (cart → order), in a window later in the horizon than other files take. */
async function book(customer: Customer) {
  const service = (await api(`/store/services/${HOME_CLEAN}`)).body.service
  const windows: Window[] = (await api(`/store/services/${HOME_CLEAN}/availability?days=28`)).body.windows
  for (const window of windows.slice(5).sort(() => Math.random() - 0.5)) {
    const response = await api("/store/customers/me/bookings", {
      token: customer.token,
      body: { service_id: service.id, variant_id: service.variants[0].id, starts_at: window.starts_at, location: { address: bristol } },
    })
    if (response.status === 201) return response.body.booking as { id: string; booking_number: string; contact: Record<string, unknown> }
    if (response.status !== 409) throw new Error(`booking failed: ${response.status} ${JSON.stringify(response.body)}`)
  }
  throw new Error("no free window")
}

const edit = (id: string, body: unknown, as = token) => api(bookingPath(id), { token: as, body })

/** The columns an edit may change, to prove a refused one changed nothing. */
async function visitColumns(id: string) {
  const [row] = await sql(`select address_id, location, location_text, contact, instructions from booking where id = $1`, [id])
  return row
}

async function locationCount(customerId: string) {
  const [row] = await sql(`select count(*)::int as n from customer_address where customer_id = $1 and deleted_at is null`, [customerId])
  return row.n as number
}

async function latestActivity(customerId: string, kind: string) {
  const response = await api(`/admin/customers/${customerId}/activity?kind=${kind}&limit=1`, { token })
  expect(response.status).toBe(200)
  return response.body.activity[0] as {
    message: string
    actor: { type: string; email: string | null }
    changes: { field: string; before: unknown; after: unknown }[] | null
  }
}

beforeAll(async () => {
  token = await adminToken()
  owner = await signUpCustomer({ first_name: "Edna", last_name: "Editwell" })
  stranger = await signUpCustomer({ first_name: "Sid", last_name: "Stranger" })
  bathId = await saveLocation(owner, bath, "Bath flat")
  gloucesterId = await saveLocation(owner, gloucester, "Office")
  strangersId = await saveLocation(stranger, bath, "Stranger's flat")
})

describe("POST /admin/bookings/:id", () => {
  it("changes only the contact parts sent and the instructions, and the history says staff did it", async () => {
    const booking = await book(owner)
    const first = await edit(booking.id, { contact: { phone: "0117 496 0123" }, instructions: "  Key is under the mat  " })
    expect(first.status, JSON.stringify(first.body)).toBe(200)
    expect(first.body.booking).toMatchObject({
      id: booking.id,
      contact: { name: booking.contact.name, email: booking.contact.email, phone: "0117 496 0123" },
      instructions: "Key is under the mat",
    })

    // An empty phone clears it; the name changes, the email stays.
    const second = await edit(booking.id, { contact: { name: "Sam Neighbour", phone: "" } })
    expect(second.status, JSON.stringify(second.body)).toBe(200)
    expect(second.body.booking.contact).toEqual({ name: "Sam Neighbour", email: booking.contact.email, phone: null })

    const line = await latestActivity(owner.customer.id, "booking_updated")
    expect(line.actor.type).toBe("staff")
    expect(line.message).toContain(booking.booking_number)
    expect(line.changes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: "contact_name", before: booking.contact.name, after: "Sam Neighbour" }),
        expect.objectContaining({ field: "contact_phone", before: "0117 496 0123", after: null }),
      ])
    )
    // Nothing else was listed as changed.
    expect(line.changes!.map((change) => change.field).sort()).toEqual(["contact_name", "contact_phone"])
  })

  it("moves the visit to a saved location of the customer's, or to a new address that joins their locations", async () => {
    const booking = await book(owner)
    const before = (await api(bookingPath(booking.id), { token })).body.booking

    const saved = await edit(booking.id, { location: { address_id: bathId } })
    expect(saved.status, JSON.stringify(saved.body)).toBe(200)
    expect(saved.body.booking).toMatchObject({
      address_id: bathId,
      location: { ...bath, postal_code: "BA2 4AT" },
      location_text: "4 Pulteney Bridge, Bath, BA2 4AT",
      postcode: "BA2 4AT",
      // Where and who only: the time and its arrival window stay.
      starts_at: before.starts_at,
      window_ends_at: before.window_ends_at,
    })
    expect(saved.body.booking.window_ends_at).toBeTruthy()

    const count = await locationCount(owner.customer.id)
    const typed = await edit(booking.id, {
      location: { address: { ...bristol, address_1: "22 Gloucester Road", postal_code: "bs78aa" }, label: "Mum's house" },
    })
    expect(typed.status, JSON.stringify(typed.body)).toBe(200)
    // The postcode is written as the business writes it.
    expect(typed.body.booking.location).toMatchObject({ address_1: "22 Gloucester Road", postal_code: "BS7 8AA", window_ends_at: before.window_ends_at })
    expect(typed.body.booking.location_text).toBe("22 Gloucester Road, Bristol, BS7 8AA")
    expect(await locationCount(owner.customer.id)).toBe(count + 1)
    const [row] = await sql(`select id, address_name, postal_code from customer_address where id = $1`, [typed.body.booking.address_id])
    expect(row).toMatchObject({ address_name: "Mum's house", postal_code: "BS7 8AA" })

    const added = await latestActivity(owner.customer.id, "address_added")
    expect(added.actor.type).toBe("staff")
    expect(added.message).toContain(booking.booking_number)
    const moved = await latestActivity(owner.customer.id, "booking_updated")
    expect(moved.changes).toEqual([
      expect.objectContaining({ field: "location_text", before: "4 Pulteney Bridge, Bath, BA2 4AT", after: "22 Gloucester Road, Bristol, BS7 8AA" }),
    ])
  })

  it("refuses a made-up postcode and one outside the service's area with a 400 naming the field, and another customer's location with a 404", async () => {
    const booking = await book(owner)
    const unchanged = await visitColumns(booking.id)
    const count = await locationCount(owner.customer.id)

    const madeUp = await edit(booking.id, { location: { address: { ...bristol, postal_code: "ZZ99 9ZZ" } } })
    expect(madeUp.status).toBe(400)
    expect(madeUp.body.field).toBe("location.address.postal_code")
    expect(madeUp.body.fields[0].message).toMatch(/ZZ99 9ZZ isn’t a postcode in the United Kingdom/)

    const outside = await edit(booking.id, { location: { address: gloucester, label: "Office" } })
    expect(outside.status, JSON.stringify(outside.body)).toBe(400)
    expect(outside.body).toMatchObject({ field: "location.address.postal_code", code: "outside_service_area" })
    expect(outside.body.message).toMatch(/isn't offered in GL1 2NW/)

    const savedOutside = await edit(booking.id, { location: { address_id: gloucesterId } })
    expect(savedOutside.status).toBe(400)
    expect(savedOutside.body.field).toBe("location.address_id")

    const theirs = await edit(booking.id, { location: { address_id: strangersId } })
    expect(theirs.status).toBe(404)

    const badContact = await edit(booking.id, { contact: { email: "not-an-email" } })
    expect(badContact.status).toBe(400)
    expect(badContact.body.field).toBe("contact.email")
    expect((await edit(booking.id, {})).status).toBe(400)

    expect(await visitColumns(booking.id)).toEqual(unchanged)
    expect(await locationCount(owner.customer.id)).toBe(count)
  })

  it("edits a visit in progress, but not a completed or cancelled one", async () => {
    const soon = new Date(Date.now() + 3 * 86_400_000).toISOString()
    const working = await insertBooking({ email: owner.email, customer_id: owner.customer.id, status: "in_progress", starts_at: soon })
    const ok = await edit(working.id, { instructions: "Parking permit on the dashboard" })
    expect(ok.status, JSON.stringify(ok.body)).toBe(200)
    expect(ok.body.booking.instructions).toBe("Parking permit on the dashboard")

    for (const status of ["completed", "cancelled"]) {
      const closed = await insertBooking({ email: owner.email, customer_id: owner.customer.id, status, starts_at: soon })
      const refused = await edit(closed.id, { instructions: "Too late" })
      expect(refused.status, status).toBe(409)
      expect(refused.body.message).toBe(`Booking ${closed.booking_number} is ${status}, so its address, contact and instructions can no longer be changed.`)
      expect((await visitColumns(closed.id)).instructions).toBeNull()
    }
  })

  it("needs a staff session", async () => {
    const booking = await book(owner)
    expect((await api(bookingPath(booking.id), { body: { instructions: "Anyone" } })).status).toBe(401)
    expect((await edit(booking.id, { instructions: "A customer" }, owner.token)).status).toBe(401)
    expect((await visitColumns(booking.id)).instructions).toBeNull()
  })
})

describe("POST /admin/bookings/:id/attachments", () => {
  /** As staff, unless `as` is another token (null: nobody signed in). */
  const upload = (id: string, file: { name: string; type: string; data: Buffer }, as: string | null = token) =>
    api(bookingPath(id, "/attachments"), { token: as ?? undefined, raw: fileUpload(file) })
  const files = async (id: string) =>
    (await sql(`select filename, added_by from booking_attachment where booking_id = $1 and deleted_at is null order by created_at`, [id])).map(
      (row) => `${row.filename} (${row.added_by})`
    )

  it("adds staff's photos and PDFs the customer then sees, records them, and removes them again", async () => {
    const booking = await book(owner)
    const photo = await upload(booking.id, { name: "after the clean.png", type: "image/png", data: TINY_PNG })
    expect(photo.status, JSON.stringify(photo.body)).toBe(201)
    expect(photo.body.booking.attachments).toEqual([
      expect.objectContaining({ filename: "after the clean.png", mime_type: "image/png", size_bytes: TINY_PNG.length, added_by: "staff" }),
    ])
    const pdf = await upload(booking.id, { name: "quote.pdf", type: "application/pdf", data: TINY_PDF })
    expect(pdf.status).toBe(201)
    expect(await files(booking.id)).toEqual(["after the clean.png (staff)", "quote.pdf (staff)"])

    // Served to staff through the booking's own route.
    const served = await fetch(`${apiBase()}${photo.body.booking.attachments[0].url}`, { headers: asStaff(token) })
    expect(served.status).toBe(200)
    expect(Buffer.from(await served.arrayBuffer()).equals(TINY_PNG)).toBe(true)

    // The customer sees them as the team's, and can't remove them.
    const portal = await api(`/store/customers/me/bookings/${booking.id}`, { token: owner.token })
    const theirCopy = portal.body.booking.attachments.find((a: { filename: string }) => a.filename === "quote.pdf")
    expect(theirCopy).toMatchObject({ added_by: "staff" })
    const customerRemoves = await api(`/store/customers/me/bookings/${booking.id}/attachments/${theirCopy.id}`, { token: owner.token, method: "DELETE" })
    expect(customerRemoves.status).toBe(400)

    const line = await latestActivity(owner.customer.id, "booking_file_added")
    expect(line).toMatchObject({ actor: { type: "staff" }, message: `File “quote.pdf” added to booking ${booking.booking_number}.` })

    // Staff remove any file; the stored file goes too.
    const removed = await api(bookingPath(booking.id, `/attachments/${theirCopy.id}`), { token, method: "DELETE" })
    expect(removed.status, JSON.stringify(removed.body)).toBe(200)
    expect(removed.body).toMatchObject({ id: theirCopy.id, object: "booking_attachment", deleted: true })
    expect(removed.body.parent.attachments.map((a: { filename: string }) => a.filename)).toEqual(["after the clean.png"])
    expect((await fetch(`${apiBase()}${bookingPath(booking.id, `/attachments/${theirCopy.id}`)}`, { headers: asStaff(token) })).status).toBe(404)
    expect((await latestActivity(owner.customer.id, "booking_file_removed")).actor.type).toBe("staff")
  })

  it("refuses the same file twice, a file that is not a photo or PDF, one over 10 MB, a cancelled booking and callers without a staff session", async () => {
    const booking = await book(owner)
    expect((await upload(booking.id, { name: "meter.png", type: "image/png", data: TINY_PNG })).status).toBe(201)

    const again = await upload(booking.id, { name: "meter (1).png", type: "image/png", data: TINY_PNG })
    expect(again.status).toBe(400)
    expect(again.body.message).toBe("This file is already on the booking, as “meter.png”.")
    const text = await upload(booking.id, { name: "notes.png", type: "image/png", data: Buffer.from("just some text, not a picture") })
    expect(text.status).toBe(400)
    expect(text.body.message).toMatch(/not a photo or a PDF/)
    const big = await upload(booking.id, { name: "huge.pdf", type: "application/pdf", data: Buffer.concat([TINY_PDF, Buffer.alloc(10 * 1024 * 1024)]) })
    expect(big.status).toBe(413)
    expect(big.body.message).toMatch(/larger than 10 MB/)

    expect((await upload(booking.id, { name: "x.pdf", type: "application/pdf", data: TINY_PDF }, null)).status).toBe(401)
    expect((await upload(booking.id, { name: "x.pdf", type: "application/pdf", data: TINY_PDF }, owner.token)).status).toBe(401)
    expect(await files(booking.id)).toEqual(["meter.png (staff)"])

    const cancelled = await insertBooking({
      email: owner.email,
      customer_id: owner.customer.id,
      status: "cancelled",
      starts_at: new Date(Date.now() + 86_400_000).toISOString(),
    })
    const refused = await upload(cancelled.id, { name: "late.pdf", type: "application/pdf", data: TINY_PDF })
    expect(refused.status).toBe(409)
    expect(refused.body.message).toBe(`Booking ${cancelled.booking_number} was cancelled, so files can't be added to it or removed from it.`)
    expect(await files(cancelled.id)).toEqual([])
  })
})
