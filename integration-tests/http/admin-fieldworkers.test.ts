import { randomUUID } from "node:crypto"
import { beforeAll, describe, expect, it } from "vitest"
import { adminToken, api, signUpCustomer } from "../support/api"
import { createFieldworker, insertBooking } from "../support/bookings"
import { sql } from "../support/db"

let token: string
const run = randomUUID().slice(0, 8)
const email = (name: string) => `${name}.${run}@crew.example.test`

beforeAll(async () => {
  token = await adminToken()
})

describe("fieldworkers: add, find, change, remove", () => {
  it("adds a fieldworker, tidying the email and postcode areas", async () => {
    const created = await api("/admin/fieldworkers", {
      token,
      body: { name: "  Nadia Newman ", email: email("Nadia.Newman").toUpperCase(), phone: "+44 7700 900411", service_areas: ["bs6", " ba 1", "BS6"] },
    })
    expect(created.status, JSON.stringify(created.body)).toBe(201)
    expect(created.body.fieldworker).toMatchObject({
      id: expect.stringMatching(/^fwkr_/),
      name: "Nadia Newman",
      email: email("nadia.newman"),
      phone: "+44 7700 900411",
      service_areas: ["BS6", "BA1"],
      active: true,
    })
    const fetched = await api(`/admin/fieldworkers/${created.body.fieldworker.id}`, { token })
    expect(fetched.body.fieldworker).toMatchObject({ name: "Nadia Newman", upcoming_booking_count: 0 })

    // The same email again is refused, whatever its case.
    const duplicate = await api("/admin/fieldworkers", { token, body: { name: "Nadia Two", email: email("NADIA.newman") } })
    expect(duplicate.status).toBe(409)
    expect(duplicate.body.message).toBe(`Nadia Newman already has the email ${email("nadia.newman")}. Each fieldworker needs their own email.`)
  })

  it("refuses what isn't a fieldworker with a 400 that says why", async () => {
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ email: email("nameless") }, /Field 'name' is required/],
      [{ name: "   ", email: email("blank") }, /name cannot be empty/],
      [{ name: "No Email" }, /Field 'email' is required/],
      [{ name: "Bad Email", email: "not-an-email" }, /email must be a valid email address/],
      [{ name: "Bad Phone", email: email("phone"), phone: "call me" }, /phone must be a phone number/],
      [{ name: "Bad Area", email: email("area"), service_areas: ["Bristol"] }, /each area must be a postcode area or district such as BS or BS6/],
      [{ name: "Bad Areas", email: email("areas"), service_areas: "BS" }, /'array' for field 'service_areas'/],
      [{ name: "Bad Active", email: email("active"), active: "yes" }, /'boolean' for field 'active'/],
      [{ name: "X".repeat(201), email: email("long") }, /name must be at most 200 characters/],
      [{ name: "Extra", email: email("extra"), role: "boss" }, /role/],
    ]
    for (const [body, message] of cases) {
      const response = await api("/admin/fieldworkers", { token, body })
      expect(response.status, JSON.stringify(body)).toBe(400)
      expect(response.body.message, JSON.stringify(body)).toMatch(message)
    }
    expect(await sql(`select id from fieldworker where email like $1`, [`%.${run}@crew.example.test`])).toHaveLength(1)
  })

  it("lists by name, finds by name, email or phone, and filters active ones", async () => {
    const suffix = run.replace(/\d/g, "q")
    const a = await createFieldworker(token, { name: `Quentin ${suffix}`, phone: "+44 7700 900499" })
    const b = await createFieldworker(token, { name: `Petra ${suffix}`, active: false })
    const byName = await api(`/admin/fieldworkers?q=${suffix.toUpperCase()}`, { token })
    expect(byName.status).toBe(200)
    expect(byName.body.fieldworkers.map((f: { id: string }) => f.id)).toEqual([b.id, a.id])
    expect(byName.body.count).toBe(2)
    expect(
      (await api(`/admin/fieldworkers?q=${encodeURIComponent(a.email.slice(0, 20))}`, { token })).body.fieldworkers.map((f: { id: string }) => f.id)
    ).toEqual([a.id])
    expect((await api(`/admin/fieldworkers?q=900499`, { token })).body.fieldworkers.map((f: { id: string }) => f.id)).toContain(a.id)
    const activeOnly = await api(`/admin/fieldworkers?q=${suffix}&active=true`, { token })
    expect(activeOnly.body.fieldworkers.map((f: { id: string }) => f.id)).toEqual([a.id])
    const paged = await api(`/admin/fieldworkers?q=${suffix}&limit=1&offset=1`, { token })
    expect(paged.body).toMatchObject({ count: 2, limit: 1, offset: 1 })
    expect(paged.body.fieldworkers.map((f: { id: string }) => f.id)).toEqual([a.id])

    // The demo team is there too.
    const demo = await api("/admin/fieldworkers?q=brightside.example&limit=200", { token })
    expect(demo.body.fieldworkers.map((f: { name: string }) => f.name)).toEqual(expect.arrayContaining(["Grace Adeyemi", "Tom Whitfield", "Kieran Walsh"]))

    for (const [query, message] of [
      ["active=maybe", /active must be true or false/],
      ["limit=0", /limit must be at least 1/],
      [`q=${"x".repeat(101)}`, /q must be at most 100 characters/],
    ] as const) {
      const response = await api(`/admin/fieldworkers?${query}`, { token })
      expect(response.status, query).toBe(400)
      expect(response.body.message).toMatch(message)
    }
  })

  it("changes details, refuses another fieldworker's email, and answers 404 for someone unknown", async () => {
    const fieldworker = await createFieldworker(token, { name: "Eddie Edit", service_areas: ["BS"] })
    const other = await createFieldworker(token, { name: "Olga Other" })
    const updated = await api(`/admin/fieldworkers/${fieldworker.id}`, {
      token,
      body: { name: "Eddie Edwards", service_areas: ["gl", "BA2"], active: false, phone: null },
    })
    expect(updated.status, JSON.stringify(updated.body)).toBe(200)
    expect(updated.body.fieldworker).toMatchObject({
      name: "Eddie Edwards",
      service_areas: ["GL", "BA2"],
      active: false,
      phone: null,
      email: fieldworker.email,
    })

    const taken = await api(`/admin/fieldworkers/${fieldworker.id}`, { token, body: { email: other.email.toUpperCase() } })
    expect(taken.status).toBe(409)
    expect(taken.body.message).toMatch(/Olga Other already has the email/)
    const bad = await api(`/admin/fieldworkers/${fieldworker.id}`, { token, body: { service_areas: ["Bristol"] } })
    expect(bad.status).toBe(400)
    expect((await api(`/admin/fieldworkers/${fieldworker.id}`, { token })).body.fieldworker).toMatchObject({
      name: "Eddie Edwards",
      service_areas: ["GL", "BA2"],
    })

    expect((await api(`/admin/fieldworkers/fwkr_missing`, { token })).status).toBe(404)
    expect((await api(`/admin/fieldworkers/fwkr_missing`, { token, body: { name: "Ghost" } })).status).toBe(404)
    expect((await api(`/admin/fieldworkers/fwkr_missing`, { token, method: "DELETE" })).status).toBe(404)
  })

  it("asks before removing someone with upcoming bookings, then leaves those unassigned and keeps past ones", async () => {
    const { customer } = await signUpCustomer({ first_name: "Rhoda", last_name: "Rota" })
    const fieldworker = await createFieldworker(token, { name: "Rory Removed", service_areas: [] })
    const past = await insertBooking({
      email: customer.email,
      customer_id: customer.id,
      status: "completed",
      starts_at: "2024-02-01T09:00:00Z",
      fieldworker_id: fieldworker.id,
    })
    const upcoming = await insertBooking({ email: customer.email, customer_id: customer.id, starts_at: "2032-02-02T09:00:00Z", fieldworker_id: fieldworker.id })
    const cancelled = await insertBooking({
      email: customer.email,
      customer_id: customer.id,
      status: "cancelled",
      starts_at: "2032-02-03T09:00:00Z",
      fieldworker_id: fieldworker.id,
    })

    const asked = await api(`/admin/fieldworkers/${fieldworker.id}`, { token, method: "DELETE" })
    expect(asked.status).toBe(409)
    expect(asked.body).toMatchObject({
      code: "fieldworker_has_bookings",
      upcoming_booking_count: 1,
      upcoming_bookings: [{ id: upcoming.id, booking_number: upcoming.booking_number }],
      message: "Rory Removed has 1 upcoming booking. Removing them leaves it unassigned, to give to someone else. Confirm to remove.",
    })
    expect((await api(`/admin/fieldworkers/${fieldworker.id}`, { token })).status).toBe(200)

    const removed = await api(`/admin/fieldworkers/${fieldworker.id}?confirm=true`, { token, method: "DELETE" })
    expect(removed.status).toBe(200)
    expect(removed.body).toEqual({ id: fieldworker.id, object: "fieldworker", deleted: true, unassigned_booking_count: 1 })
    expect((await api(`/admin/fieldworkers/${fieldworker.id}`, { token })).status).toBe(404)
    expect((await api(`/admin/fieldworkers?q=Rory%20Removed`, { token })).body.fieldworkers).toEqual([])

    expect((await api(`/admin/bookings/${upcoming.id}`, { token })).body.booking.fieldworker).toBeNull()
    expect((await api(`/admin/bookings/${past.id}`, { token })).body.booking.fieldworker).toMatchObject({ name: "Rory Removed", removed: true })
    expect((await api(`/admin/bookings/${cancelled.id}`, { token })).body.booking.fieldworker).toMatchObject({ name: "Rory Removed" })
    // A removed fieldworker can't be given new work, and their email is free for a new record.
    const reassign = await api(`/admin/bookings/${upcoming.id}/fieldworker`, { token, body: { fieldworker_id: fieldworker.id } })
    expect(reassign.status).toBe(404)
    const again = await api("/admin/fieldworkers", { token, body: { name: "Rory Returns", email: fieldworker.email } })
    expect(again.status).toBe(201)

    const bad = await api(`/admin/fieldworkers/${again.body.fieldworker.id}?confirm=perhaps`, { token, method: "DELETE" })
    expect(bad.status).toBe(400)
    expect(bad.body.message).toMatch(/'true, false' for field 'confirm'/)
    // Nobody's bookings: removed at once.
    expect((await api(`/admin/fieldworkers/${again.body.fieldworker.id}`, { token, method: "DELETE" })).status).toBe(200)
  })
})
