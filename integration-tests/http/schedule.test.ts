import { beforeAll, describe, expect, it } from "vitest"
import { adminToken, api, signUpCustomer } from "../support/api"
import { createFieldworker, insertBooking } from "../support/bookings"
import { sql } from "../support/db"

type Customer = Awaited<ReturnType<typeof signUpCustomer>>
type Window = { starts_at: string; ends_at: string; remaining: number }
type Visit = { id: string; booking_number: string; fieldworker_id: string | null; postcode: string | null; customer_name: string | null; dependents: unknown[] }

const bristol = { address_1: "9 Chandos Road", city: "Bristol", postal_code: "BS6 6PG", country_code: "gb" }
// Gutter clearing has one team: a window holds one booking, so the last place is the only place.
const ONE_TEAM = "gutter-clearing"

let token: string
let owner: Customer
let rival: Customer

beforeAll(async () => {
  token = await adminToken()
  owner = await signUpCustomer({ first_name: "Sasha", last_name: "Schedule" })
  rival = await signUpCustomer({ first_name: "Rory", last_name: "Rival" })
})

const service = async (handle: string) => (await api(`/store/services/${handle}`)).body.service as { id: string; variants: { id: string }[] }

/**
 * Free windows from the later part of the horizon, in a random order: other test files book the
 * first (and last) windows, so this keeps parallel files out of each other's way.
 */
async function spareWindows(handle: string): Promise<Window[]> {
  const windows: Window[] = (await api(`/store/services/${handle}/availability?days=28`)).body.windows
  return windows.slice(10, -2).sort(() => Math.random() - 0.5)
}

/** A real portal booking into one of the spare windows (another file may take one first: then the next). */
async function book(customer: Customer, handle: string, windows: Window[]) {
  const svc = await service(handle)
  while (windows.length) {
    const window = windows.shift()!
    const response = await api("/store/customers/me/bookings", {
      token: customer.token,
      body: { service_id: svc.id, variant_id: svc.variants[0].id, starts_at: window.starts_at, location: { address: bristol } },
    })
    if (response.status === 201) return response.body.booking as { id: string; starts_at: string; booking_number: string }
    if (response.status !== 409) throw new Error(`booking failed: ${response.status} ${JSON.stringify(response.body)}`)
  }
  throw new Error(`no free ${handle} window`)
}

async function booked(productId: string, startsAt: string): Promise<number> {
  const [row] = await sql<{ booked: number }>(`select booked from service_booked_window where product_id = $1 and starts_at = $2 and deleted_at is null`, [
    productId,
    startsAt,
  ])
  return row ? Number(row.booked) : 0
}

const bookingRow = async (id: string) =>
  (await sql(`select starts_at, ends_at, fieldworker_id, reschedule_count, location, updated_at from booking where id = $1`, [id]))[0]

const board = async (query: string) => {
  const response = await api(`/admin/schedule?${query}`, { token })
  expect(response.status, JSON.stringify(response.body)).toBe(200)
  return response.body as { fieldworkers: { id: string; name: string }[]; visits: Visit[]; time_zone: string; services: { id: string }[] }
}

describe("GET /admin/schedule", () => {
  // Pinned days far beyond any service's horizon, which no other file uses: 9–10 March 2032 (London is on GMT).
  it("lists the visits in the range by fieldworker (and unassigned), filtered by postcode area, service and fieldworker", async () => {
    const ann = await createFieldworker(token, { name: "Ann Board", service_areas: ["BS"] })
    const svc = await service(ONE_TEAM)
    const morning = await insertBooking({
      email: owner.email,
      customer_id: owner.customer.id,
      starts_at: "2032-03-09T09:00:00Z",
      postal_code: "BS6 7QT",
      fieldworker_id: ann.id,
    })
    const clifton = await insertBooking({ email: owner.email, customer_id: owner.customer.id, starts_at: "2032-03-09T13:00:00Z", postal_code: "BS8 1AA" })
    const nextDay = await insertBooking({ email: rival.email, customer_id: rival.customer.id, starts_at: "2032-03-10T09:00:00Z", postal_code: "BS61 1AA" })
    const cancelled = await insertBooking({ email: rival.email, customer_id: rival.customer.id, starts_at: "2032-03-09T11:00:00Z", status: "cancelled" })
    const outside = await insertBooking({ email: rival.email, customer_id: rival.customer.id, starts_at: "2032-03-11T09:00:00Z" })
    await sql(`update booking set product_id = $1, instructions = 'Side gate code 1234' where id = $2`, [svc.id, clifton.id])

    const day = await board("from=2032-03-09")
    expect(day.time_zone).toBe("Europe/London")
    const ids = day.visits.map((visit) => visit.id)
    expect(ids).toEqual(expect.arrayContaining([morning.id, clifton.id]))
    expect(ids).not.toContain(nextDay.id)
    expect(ids).not.toContain(cancelled.id)
    expect(day.fieldworkers.map((fieldworker) => fieldworker.id)).toContain(ann.id)
    expect(day.visits.find((visit) => visit.id === morning.id)).toMatchObject({ fieldworker_id: ann.id, postcode: "BS6 7QT", customer_name: "Sasha Schedule" })
    expect(day.visits.find((visit) => visit.id === clifton.id)).toMatchObject({ fieldworker_id: null, instructions: "Side gate code 1234", product_id: svc.id })
    expect(day.services.map((s) => s.id)).toContain(svc.id)

    const twoDays = (await board("from=2032-03-09&to=2032-03-10")).visits.map((visit) => visit.id)
    expect(twoDays).toEqual(expect.arrayContaining([morning.id, clifton.id, nextDay.id]))
    expect(twoDays).not.toContain(outside.id)

    // "BS6" is BS6 7QT, not BS61 1AA; lower case and spaces are fine.
    const bs6 = (await board("from=2032-03-09&to=2032-03-10&postcode_area=bs 6")).visits.map((visit) => visit.id)
    expect(bs6).toContain(morning.id)
    expect(bs6).not.toContain(nextDay.id)
    expect(bs6).not.toContain(clifton.id)
    expect((await board(`from=2032-03-09&service_id=${svc.id}`)).visits.map((visit) => visit.id)).toEqual([clifton.id])
    expect((await board(`from=2032-03-09&fieldworker_id=${ann.id}`)).visits.map((visit) => visit.id)).toEqual([morning.id])
    expect((await board(`from=2032-03-09&fieldworker_id=none`)).visits.map((visit) => visit.id)).toContain(clifton.id)
  })

  it("finds an area's visits however many others the days hold", async () => {
    // 2,050 Bath visits early on 2033-05-10 (set-based SQL), then one in Bristol last of all.
    await sql(
      `insert into booking (id, booking_number, email, status, service_title, starts_at, ends_at, location_text, location, contact)
       select 'bkg_bulk' || n || '_' || $1, 'BK-BULK-' || lpad(n::text, 4, '0') || '-' || $1, 'bulk@example.test', 'confirmed', 'Window Cleaning',
              '2033-05-10T07:00:00Z'::timestamptz + n * interval '1 second', '2033-05-10T09:00:00Z', '1 Bath Street, Bath, BA1 1AA',
              '{"postal_code":"BA1 1AA","country_code":"gb"}'::jsonb, '{"name":"Bulk"}'::jsonb
       from generate_series(1, 2050) as n`,
      [Date.now().toString(36).toUpperCase().slice(-4)]
    )
    const bristol = await insertBooking({ email: "late@example.test", starts_at: "2033-05-10T16:00:00Z", postal_code: "BS6 7QT" })
    try {
      expect((await board("from=2033-05-10&postcode_area=BS")).visits.map((visit) => visit.id)).toEqual([bristol.id])
    } finally {
      await sql(`delete from booking where email in ('bulk@example.test', 'late@example.test')`)
    }
  })

  it("refuses bad queries with a 400 that says what is wrong", async () => {
    const cases: [string, RegExp][] = [
      ["", /from/],
      ["from=9 March", /from must be a date like 2026-12-01/],
      ["from=2032-03-10&to=2032-03-09", /from must be on or before to/],
      ["from=2032-03-01&to=2032-03-20", /at most 14 days/],
      ["from=2032-03-09&postcode_area=Bristol", /postcode_area must be a postcode area or district/],
      ["from=2032-03-09&colour=red", /colour/],
    ]
    for (const [query, message] of cases) {
      const response = await api(`/admin/schedule?${query}`, { token })
      expect(response.status, query).toBe(400)
      expect(response.body.message, query).toMatch(message)
    }
  })
})

describe("POST /admin/bookings/:id/reschedule", () => {
  it("moves a visit to a free window with the same reservation as the customer's: the new place taken, the old one freed", async () => {
    const svc = await service(ONE_TEAM)
    const windows = await spareWindows(ONE_TEAM)
    const booking = await book(owner, ONE_TEAM, windows)
    const free = (await api(`/admin/bookings/${booking.id}/free-windows?days=14`, { token })).body.windows as Window[]
    expect(free.length).toBeGreaterThan(0)
    expect(free.map((window) => window.starts_at)).not.toContain(booking.starts_at)
    const target = windows.find((window) => free.some((f) => f.starts_at === window.starts_at)) ?? windows[0]

    const moved = await api(`/admin/bookings/${booking.id}/reschedule`, { token, body: { starts_at: target.starts_at } })
    expect(moved.status, JSON.stringify(moved.body)).toBe(200)
    expect(moved.body.booking).toMatchObject({ starts_at: target.starts_at, window_ends_at: target.ends_at, reschedule_count: 1 })
    expect(await booked(svc.id, target.starts_at)).toBe(1)
    expect(await booked(svc.id, booking.starts_at)).toBe(0)
    // The customer's history says staff moved it.
    const profile = (await api(`/admin/customers/${owner.customer.id}/profile`, { token })).body.profile
    expect(profile.activity.find((entry: { kind: string }) => entry.kind === "booking_rescheduled").actor).toBe("admin@example.com")
  })

  it("refuses a full window, a time not offered, a finished visit and bad input, changing nothing", async () => {
    const svc = await service(ONE_TEAM)
    const windows = await spareWindows(ONE_TEAM)
    const mine = await book(owner, ONE_TEAM, windows)
    const theirs = await book(rival, ONE_TEAM, windows)
    const before = await bookingRow(mine.id)

    const full = await api(`/admin/bookings/${mine.id}/reschedule`, { token, body: { starts_at: theirs.starts_at } })
    expect(full.status).toBe(409)
    expect(full.body.message).toBe("Sorry, that time has just been booked by someone else. Choose another time.")
    const notOffered = await api(`/admin/bookings/${mine.id}/reschedule`, { token, body: { starts_at: "2032-03-09T03:17:00Z" } })
    expect(notOffered.status).toBe(409)
    expect(notOffered.body.message).toMatch(/not one we offer/)
    const same = await api(`/admin/bookings/${mine.id}/reschedule`, { token, body: { starts_at: mine.starts_at } })
    expect(same.status).toBe(409)
    expect(same.body.message).toMatch(/already at that time/)
    for (const body of [{}, { starts_at: "tomorrow" }, { starts_at: windows[0].starts_at, fieldworker_id: "x" }]) {
      const bad = await api(`/admin/bookings/${mine.id}/reschedule`, { token, body })
      expect(bad.status, JSON.stringify(body)).toBe(400)
      expect(bad.body.message).toMatch(/starts_at|fieldworker_id/)
    }
    expect((await api(`/admin/bookings/bkg_nope/reschedule`, { token, body: { starts_at: windows[0].starts_at } })).status).toBe(404)
    expect(await bookingRow(mine.id)).toEqual(before)
    expect(await booked(svc.id, theirs.starts_at)).toBe(1)
    expect(await booked(svc.id, mine.starts_at)).toBe(1)

    const done = await insertBooking({ email: owner.email, customer_id: owner.customer.id, starts_at: "2032-03-12T09:00:00Z", status: "completed" })
    await sql(`update booking set product_id = $1 where id = $2`, [svc.id, done.id])
    const finished = await api(`/admin/bookings/${done.id}/reschedule`, { token, body: { starts_at: windows[0].starts_at } })
    expect(finished.status).toBe(409)
    expect(finished.body.message).toMatch(/completed, so it can't be moved/)
  })

  it("lets exactly one of a staff move and a customer's booking take the last place in a window", async () => {
    const svc = await service(ONE_TEAM)
    for (let round = 0; round < 3; round++) {
      const windows = await spareWindows(ONE_TEAM)
      const mine = await book(owner, ONE_TEAM, windows)
      const target = windows.shift()!
      const [move, booking] = await Promise.all([
        api(`/admin/bookings/${mine.id}/reschedule`, { token, body: { starts_at: target.starts_at } }),
        api("/store/customers/me/bookings", {
          token: rival.token,
          body: { service_id: svc.id, variant_id: svc.variants[0].id, starts_at: target.starts_at, location: { address: bristol } },
        }),
      ])
      const wins = [move.status === 200, booking.status === 201].filter(Boolean).length
      // Another file may have taken the window first: then neither wins, and it is still held once.
      expect(wins, JSON.stringify([move.body, booking.body])).toBeLessThanOrEqual(1)
      expect([200, 409]).toContain(move.status)
      expect([201, 409]).toContain(booking.status)
      expect(await booked(svc.id, target.starts_at)).toBe(1)
      const row = await bookingRow(mine.id)
      expect(new Date(row.starts_at).toISOString()).toBe(move.status === 200 ? target.starts_at : mine.starts_at)
      expect(await booked(svc.id, mine.starts_at)).toBe(move.status === 200 ? 0 : 1)
    }
  })

  it("lets exactly one of two staff moves into the last place win", async () => {
    const svc = await service(ONE_TEAM)
    const windows = await spareWindows(ONE_TEAM)
    const first = await book(owner, ONE_TEAM, windows)
    const second = await book(rival, ONE_TEAM, windows)
    const target = windows.shift()!
    const moves = await Promise.all(
      [first, second].map((booking) => api(`/admin/bookings/${booking.id}/reschedule`, { token, body: { starts_at: target.starts_at } }))
    )
    expect(moves.map((move) => move.status).sort()).toEqual(expect.arrayContaining([409]))
    expect(moves.filter((move) => move.status === 200).length).toBeLessThanOrEqual(1)
    expect(await booked(svc.id, target.starts_at)).toBe(1)
    const held = await Promise.all([first, second].map(async (booking) => new Date((await bookingRow(booking.id)).starts_at).toISOString()))
    expect(held.filter((startsAt) => startsAt === target.starts_at).length).toBeLessThanOrEqual(1)
  })
})

describe("moving a visit to another fieldworker on the board", () => {
  it("uses the assignment rules: 409 outside their areas or when busy, 200 when free", async () => {
    const north = await createFieldworker(token, { name: "Nell North", service_areas: ["BA"] })
    const free = await createFieldworker(token, { name: "Fay Free", service_areas: ["BS"] })
    const visit = await insertBooking({ email: owner.email, customer_id: owner.customer.id, starts_at: "2032-03-16T09:00:00Z", postal_code: "BS6 7QT" })
    const blocker = await insertBooking({ email: rival.email, customer_id: rival.customer.id, starts_at: "2032-03-16T10:00:00Z", fieldworker_id: free.id })

    const outside = await api(`/admin/bookings/${visit.id}/fieldworker`, { token, body: { fieldworker_id: north.id } })
    expect(outside.status).toBe(409)
    expect(outside.body.code).toBe("fieldworker_outside_area")
    const busy = await api(`/admin/bookings/${visit.id}/fieldworker`, { token, body: { fieldworker_id: free.id } })
    expect(busy.status).toBe(409)
    expect(busy.body.code).toBe("fieldworker_busy")
    expect((await board("from=2032-03-16")).visits.find((v) => v.id === visit.id)?.fieldworker_id).toBeNull()

    await sql(`update booking set fieldworker_id = null where id = $1`, [blocker.id])
    expect((await api(`/admin/bookings/${visit.id}/fieldworker`, { token, body: { fieldworker_id: free.id } })).status).toBe(200)
    expect((await board("from=2032-03-16")).visits.find((v) => v.id === visit.id)?.fieldworker_id).toBe(free.id)
  })
})
