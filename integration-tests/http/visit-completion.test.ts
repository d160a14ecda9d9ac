import { randomUUID } from "node:crypto"
import { beforeAll, describe, expect, it } from "vitest"
import { adminToken, api, eventually, latestEmail, login, signUpCustomer, tokenFrom, uniqueEmail } from "../support/api"
import { createFieldworker, insertBooking } from "../support/bookings"
import { sql } from "../support/db"

// Every time here is relative to the moment the test runs (bookings are inserted at fixed offsets
// from now), so the rules give the same answers at any time of day.
const MINUTE = 60_000
const fromNow = (minutes: number) => new Date(Date.now() + minutes * MINUTE).toISOString()

type Customer = Awaited<ReturnType<typeof signUpCustomer>>
let token: string
let owner: Customer

beforeAll(async () => {
  token = await adminToken()
  owner = await signUpCustomer({ first_name: "Cora", last_name: `Complete${randomUUID().slice(0, 6)}` })
})

const setStatus = (id: string, body: Record<string, unknown>) => api(`/admin/bookings/${id}/status`, { token, body })
const reopen = (id: string) => api(`/admin/bookings/${id}/reopen`, { token, body: {} })
const bookingRow = async (id: string) =>
  (
    await sql<{ status: string; completed_at: Date | null; customer_id: string | null; fieldworker_id: string | null }>(
      `select status, completed_at, customer_id, fieldworker_id from booking where id = $1`,
      [id]
    )
  )[0]
const activity = async (customerId: string) =>
  ((await api(`/admin/customers/${customerId}/activity?limit=50`, { token })).body.activity as { kind: string; message: string }[]).map((e) => e.message)

describe("completing a visit", () => {
  it("refuses to complete a visit whose arrival window hasn't started, unless staff confirm an early finish", async () => {
    const booking = await insertBooking({ email: owner.email, customer_id: owner.customer.id, starts_at: fromNow(3 * 24 * 60) })
    const early = await setStatus(booking.id, { status: "completed" })
    expect(early.status).toBe(409)
    expect(early.body).toMatchObject({ code: "visit_not_started" })
    expect(early.body.message).toMatch(new RegExp(`^Booking ${booking.booking_number}'s visit hasn't started yet: it is on .+, arriving between`))
    expect((await bookingRow(booking.id)).status).toBe("confirmed")

    // early_finish goes only with "completed".
    const misplaced = await setStatus(booking.id, { status: "in_progress", early_finish: true })
    expect(misplaced.status).toBe(400)
    expect(misplaced.body.message).toMatch(/early_finish can only be given when marking a booking completed/)

    const confirmed = await setStatus(booking.id, { status: "completed", early_finish: true })
    expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(200)
    expect(confirmed.body.booking).toMatchObject({ status: "completed", completed_from: "confirmed", allowed_statuses: [] })
    const undoUntil = new Date(confirmed.body.booking.completion_undo_until).getTime()
    expect(undoUntil - new Date(confirmed.body.booking.completed_at).getTime()).toBe(10 * MINUTE)
    expect(await activity(owner.customer.id)).toContain(
      `Booking ${booking.booking_number} (Window Cleaning) was marked completed before its arrival window (finished early).`
    )
  })

  it("completes a visit once its arrival window has started, without asking", async () => {
    const booking = await insertBooking({ email: owner.email, customer_id: owner.customer.id, status: "in_progress", starts_at: fromNow(-30) })
    const done = await setStatus(booking.id, { status: "completed" })
    expect(done.status, JSON.stringify(done.body)).toBe(200)
    expect(done.body.booking).toMatchObject({ status: "completed", completed_from: "in_progress" })
    expect(await activity(owner.customer.id)).toContain(`Booking ${booking.booking_number} (Window Cleaning) was marked completed.`)
  })

  it("undoes a completion for 10 minutes, back to the status it had, and not after", async () => {
    const booking = await insertBooking({ email: owner.email, customer_id: owner.customer.id, status: "in_progress", starts_at: fromNow(-60) })
    expect((await setStatus(booking.id, { status: "completed" })).status).toBe(200)

    const undone = await reopen(booking.id)
    expect(undone.status, JSON.stringify(undone.body)).toBe(200)
    expect(undone.body.booking).toMatchObject({ status: "in_progress", completed_at: null, completion_undo_until: null })
    expect(undone.body.booking.allowed_statuses).toContain("completed")
    expect(await activity(owner.customer.id)).toContain(
      `Completion of booking ${booking.booking_number} (Window Cleaning) was undone: it is in progress again.`
    )
    const nothingToUndo = await reopen(booking.id)
    expect(nothingToUndo.status).toBe(409)
    expect(nothingToUndo.body).toMatchObject({ code: "booking_not_completed" })

    // Completed again, eleven minutes ago: too late, whatever the admin page still shows.
    expect((await setStatus(booking.id, { status: "completed" })).status).toBe(200)
    await sql(`update booking set completed_at = now() - interval '11 minutes' where id = $1`, [booking.id])
    expect((await api(`/admin/bookings/${booking.id}`, { token })).body.booking.completion_undo_until).toBeNull()
    const late = await reopen(booking.id)
    expect(late.status).toBe(409)
    expect(late.body).toMatchObject({
      code: "completion_undo_expired",
      message: `Booking ${booking.booking_number} was marked completed more than 10 minutes ago, so it stays completed.`,
    })
    expect((await bookingRow(booking.id)).status).toBe("completed")
    expect((await api(`/admin/bookings/bkg_missing/reopen`, { token, body: {} })).status).toBe(404)
    expect((await api(`/admin/bookings/${booking.id}/reopen`, { token, body: { status: "confirmed" } })).status).toBe(400)
  })

  it("keeps the fieldworker of a completed or cancelled visit", async () => {
    const gwen = await createFieldworker(token, { name: "Gwen Keeps", service_areas: ["BS"] })
    const other = await createFieldworker(token, { name: "Otto Later", service_areas: ["BS"] })
    const booking = await insertBooking({
      email: owner.email,
      customer_id: owner.customer.id,
      status: "in_progress",
      starts_at: fromNow(-45),
      fieldworker_id: gwen.id,
    })
    expect((await setStatus(booking.id, { status: "completed" })).status).toBe(200)

    for (const fieldworker_id of [null, other.id]) {
      const refused = await api(`/admin/bookings/${booking.id}/fieldworker`, { token, body: { fieldworker_id } })
      expect(refused.status).toBe(409)
      expect(refused.body).toMatchObject({
        code: "booking_closed",
        message: `Booking ${booking.booking_number} is completed, so its fieldworker stays as recorded (Gwen Keeps).`,
      })
    }
    expect((await bookingRow(booking.id)).fieldworker_id).toBe(gwen.id)

    const cancelled = await insertBooking({
      email: owner.email,
      customer_id: owner.customer.id,
      status: "cancelled",
      starts_at: fromNow(600),
      fieldworker_id: gwen.id,
    })
    expect((await api(`/admin/bookings/${cancelled.id}/fieldworker`, { token, body: { fieldworker_id: null } })).status).toBe(409)
    expect((await bookingRow(cancelled.id)).fieldworker_id).toBe(gwen.id)

    // Undone: the visit is open again, and so is its fieldworker.
    expect((await reopen(booking.id)).status).toBe(200)
    const moved = await api(`/admin/bookings/${booking.id}/fieldworker`, { token, body: { fieldworker_id: other.id } })
    expect(moved.status, JSON.stringify(moved.body)).toBe(200)
  })

  it("shows a visit completed early as the last visit, not the next, in the directory and the customer's lists", async () => {
    const dana = await signUpCustomer({ first_name: "Dana", last_name: `Directory${randomUUID().slice(0, 6)}` })
    const tomorrow = await insertBooking({ email: dana.email, customer_id: dana.customer.id, starts_at: fromNow(24 * 60) })
    const nextWeek = await insertBooking({ email: dana.email, customer_id: dana.customer.id, starts_at: fromNow(7 * 24 * 60) })
    const row = async () => {
      const { body } = await api(`/admin/crm/customers?q=${encodeURIComponent(dana.email)}`, { token })
      return body.customers.find((customer: { id: string }) => customer.id === dana.customer.id) as {
        last_booking_at: string | null
        next_booking_at: string | null
      }
    }
    // Any change recorded in the customer's history refreshes their row; until then bookings written straight to the table aren't in it.
    expect((await setStatus(tomorrow.id, { status: "in_progress" })).status).toBe(200)
    expect(await row()).toMatchObject({ last_booking_at: null, next_booking_at: tomorrow.starts_at })

    expect((await setStatus(tomorrow.id, { status: "completed", early_finish: true })).status).toBe(200)
    expect(await row()).toMatchObject({ last_booking_at: tomorrow.starts_at, next_booking_at: nextWeek.starts_at })
    const upcoming = (await api(`/admin/bookings?customer_id=${dana.customer.id}&when=upcoming`, { token })).body.bookings
    expect(upcoming.map((b: { id: string }) => b.id)).toEqual([nextWeek.id])
    const past = (await api(`/admin/bookings?customer_id=${dana.customer.id}&when=past`, { token })).body.bookings
    expect(past.map((b: { id: string }) => b.id)).toEqual([tomorrow.id])

    // A visit under way (started, not over) is still the next one; with no open visit left there is none.
    const now = await insertBooking({ email: dana.email, customer_id: dana.customer.id, status: "in_progress", starts_at: fromNow(-30) })
    expect((await setStatus(nextWeek.id, { status: "cancelled" })).status).toBe(200)
    expect(await row()).toMatchObject({ last_booking_at: tomorrow.starts_at, next_booking_at: now.starts_at })
    expect((await setStatus(now.id, { status: "completed" })).status).toBe(200)
    expect(await row()).toMatchObject({ last_booking_at: tomorrow.starts_at, next_booking_at: null })
    const withUpcoming = await api(`/admin/crm/customers?q=${encodeURIComponent(dana.email)}&has_upcoming_booking=true`, { token })
    expect(withUpcoming.body.customers).toEqual([])
  })
})

describe("guest bookings and their customer", () => {
  it("links guest bookings to the customer once their email is confirmed, and not before", async () => {
    const email = uniqueEmail("guest.later")
    const guest = await insertBooking({ email, starts_at: fromNow(5 * 24 * 60) })
    const signedUp = await api("/store/portal/sign-up", {
      body: { first_name: "Gail", last_name: "Guest", email, phone: "+44 7700 900000", password: "correct-horse-battery", kind: "personal" },
    })
    expect(signedUp.status).toBe(201)
    // Signed up but not confirmed: anyone could have typed that address.
    await new Promise((resolve) => setTimeout(resolve, 1_000))
    expect((await bookingRow(guest.id)).customer_id).toBeNull()

    const mail = await latestEmail(email, "account-verification")
    expect((await api("/store/portal/verify-email", { body: { token: tokenFrom(mail.data.verify_url) } })).status).toBe(200)
    const customerToken = await login("customer", email, "correct-horse-battery")
    const me = (await api("/store/customers/me", { token: customerToken })).body.customer
    await eventually(async () => expect((await bookingRow(guest.id)).customer_id).toBe(me.id))
    expect(await activity(me.id)).toContain(`1 guest booking made with ${email} now belongs to this customer (the email is confirmed).`)
    const mine = (await api("/store/customers/me/bookings", { token: customerToken })).body
    expect(JSON.stringify(mine)).toContain(guest.booking_number)
    const staffView = (await api(`/admin/bookings/${guest.id}`, { token })).body.booking
    expect(staffView.customer).toMatchObject({ id: me.id, email })
  })

  it("lets staff link a guest booking to a customer by hand, once", async () => {
    const guest = await insertBooking({ email: uniqueEmail("phoned.in"), starts_at: fromNow(4 * 24 * 60), service_title: "Oven Cleaning" })
    const linked = await api(`/admin/bookings/${guest.id}/customer`, { token, body: { customer_id: owner.customer.id } })
    expect(linked.status, JSON.stringify(linked.body)).toBe(200)
    expect(linked.body.booking.customer).toMatchObject({ id: owner.customer.id, email: owner.email })
    const history = await api(`/admin/customers/${owner.customer.id}/activity?kind=booking_linked`, { token })
    expect(history.body.activity[0]).toMatchObject({
      message: expect.stringMatching(
        new RegExp(`^Guest booking ${guest.booking_number} \\(Oven Cleaning\\), made with phoned\\.in\\..+, was linked to this customer\\.$`)
      ),
      actor: { type: "staff", email: "admin@example.com" },
    })
    const upcoming = (await api(`/admin/bookings?customer_id=${owner.customer.id}&when=upcoming&limit=100`, { token })).body.bookings
    expect(upcoming.map((b: { id: string }) => b.id)).toContain(guest.id)

    const again = await api(`/admin/bookings/${guest.id}/customer`, { token, body: { customer_id: owner.customer.id } })
    expect(again.status).toBe(409)
    expect(again.body).toMatchObject({ code: "booking_has_customer", message: `Booking ${guest.booking_number} already belongs to this customer.` })
    const other = await insertBooking({ email: uniqueEmail("another"), starts_at: fromNow(4 * 24 * 60) })
    const unknown = await api(`/admin/bookings/${other.id}/customer`, { token, body: { customer_id: "cus_missing" } })
    expect(unknown.status).toBe(404)
    expect(unknown.body.message).toBe("Customer cus_missing was not found")
    expect((await api(`/admin/bookings/${other.id}/customer`, { token, body: {} })).status).toBe(400)
    expect((await api(`/admin/bookings/${other.id}/customer`, { token: owner.token, body: { customer_id: owner.customer.id } })).status).toBe(401)
    expect((await bookingRow(other.id)).customer_id).toBeNull()
  })

  it("shows the seeded guest booking of Priya Shah, a known customer, on her customer record", async () => {
    const [seeded] = await sql<{ customer_id: string | null; email: string }>(
      `select b.customer_id, c.email from booking b left join customer c on c.id = b.customer_id where b.booking_number = 'BK-4M2T-8HQV-6JRN'`
    )
    expect(seeded).toMatchObject({ customer_id: expect.stringMatching(/^cus_/), email: "priya.shah@example.net" })
  })
})
