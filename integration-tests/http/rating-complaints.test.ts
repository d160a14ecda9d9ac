import { randomUUID } from "node:crypto"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { adminToken, api, eventually, latestEmail, signUpCustomer } from "../support/api"
import { insertBooking } from "../support/bookings"
import { sql } from "../support/db"
import { sentBody } from "../support/visit-reminders"

/**
 * Issue #21 items 3–5 where the slices meet: the emails asking for a rating or a public review
 * follow the customer's `feedback_emails` preference and carry the one-click unsubscribe, and a
 * low rating both alerts the office and opens a complaint, once. Changes Settings → Ratings, so
 * it runs alone.
 */

const DAY = 86_400_000
type Customer = Awaited<ReturnType<typeof signUpCustomer>>

let staff: string
let settingsBefore: Record<string, unknown>
const service = `Patio Wash ${randomUUID().slice(0, 6)}`

beforeAll(async () => {
  staff = await adminToken()
  settingsBefore = (await api("/admin/ratings/settings", { token: staff })).body.settings
})

afterAll(async () => {
  if (settingsBefore) await api("/admin/ratings/settings", { token: staff, body: settingsBefore })
})

const customerNamed = (first: string) => signUpCustomer({ first_name: first, last_name: `Glue${randomUUID().slice(0, 6)}` })
const setFeedback = async (customer: Customer, on: boolean) => {
  const saved = await api(`/admin/customers/${customer.customer.id}/profile`, { token: staff, body: { feedback_emails: on } })
  expect(saved.status, JSON.stringify(saved.body)).toBe(200)
}

/** A visit that is under way; staff complete it through the admin API, as they would. */
async function completeVisit(customer: Customer) {
  const booking = await insertBooking({
    email: customer.email,
    customer_id: customer.customer.id,
    status: "in_progress",
    starts_at: new Date(Date.now() - 60 * 60_000).toISOString(),
    service_title: service,
  })
  const done = await api(`/admin/bookings/${booking.id}/status`, { token: staff, body: { status: "completed" } })
  expect(done.status, JSON.stringify(done.body)).toBe(200)
  return booking
}

/** A visit staff completed yesterday (written straight into the database). */
async function completedVisit(customer: Customer) {
  const booking = await insertBooking({
    email: customer.email,
    customer_id: customer.customer.id,
    status: "completed",
    starts_at: new Date(Date.now() - DAY - 3 * 3_600_000).toISOString(),
    service_title: service,
  })
  await sql(`update booking set completed_at = $2 where id = $1`, [booking.id, new Date(Date.now() - DAY).toISOString()])
  return booking
}

const rate = (customer: Customer, bookingId: string, body: Record<string, unknown>, method: "POST" | "PUT" = "POST") =>
  api(`/store/customers/me/bookings/${bookingId}/rating`, { token: customer.token, body, method })
const emailsOf = (template: string, bookingId: string) =>
  sql<{ id: string }>(`select id from notification where template = $1 and resource_id = $2`, [template, bookingId])

/** The one-click unsubscribe of a sent email: headers (RFC 2369/8058) and the footer link, for feedback emails. */
async function expectFeedbackUnsubscribe(email: { external_id: string | null; data: Record<string, any> }) {
  const sent = await sentBody(email.external_id!)
  expect(sent.headers?.["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click")
  expect(sent.headers?.["List-Unsubscribe"]).toMatch(/^<http[^>]+\/unsubscribe\?customer=[^&]+&kind=feedback&signature=[\w-]+>$/)
  const link = sent.headers!["List-Unsubscribe"].slice(1, -1)
  expect(email.data.unsubscribe_url).toBe(link)
  expect(sent.html.replace(/&amp;/g, "&")).toContain(link)
  expect(sent.text).toContain("Unsubscribe")
  // The link's signed parts, for a test to POST as a mail client's one click does.
  return Object.fromEntries(new URL(link).searchParams.entries())
}

describe("rating and review requests are non-essential emails", () => {
  it("asks a customer who takes feedback emails, with the unsubscribe headers and footer link; not one who turned them off", async () => {
    const willing = await customerNamed("Fay")
    const unwilling = await customerNamed("Noel")
    await setFeedback(unwilling, false)

    const quiet = await completeVisit(unwilling)
    const asked = await completeVisit(willing)
    const email = await latestEmail(willing.email, "rating-request")
    expect(email.data.rate_url).toMatch(new RegExp(`/bookings/${asked.id}/rate$`))
    const parts = await expectFeedbackUnsubscribe(email)
    expect(parts).toMatchObject({ customer: willing.customer.id, kind: "feedback" })

    // The other visit was completed first and its subscriber has had its turn: no request went.
    await new Promise((resolve) => setTimeout(resolve, 1000))
    expect(await emailsOf("rating-request", quiet.id)).toEqual([])

    // The one click: feedback emails off, and the next completed visit asks nothing.
    const clicked = await api("/store/portal/unsubscribe", { body: parts })
    expect(clicked.status, JSON.stringify(clicked.body)).toBe(200)
    const next = await completeVisit(willing)
    await new Promise((resolve) => setTimeout(resolve, 1500))
    expect(await emailsOf("rating-request", next.id)).toEqual([])
  })

  it("invites to a public review with the unsubscribe, and leaves the invitation out for a customer who turned feedback emails off", async () => {
    const link = "https://g.page/r/brightside/review"
    expect((await api("/admin/ratings/settings", { token: staff, body: { public_review_url: link } })).status).toBe(200)

    const happy = await customerNamed("Hal")
    const visit = await completedVisit(happy)
    expect((await rate(happy, visit.id, { stars: 5 })).status).toBe(201)
    const invited = await latestEmail(happy.email, "rating-thanks")
    expect(invited.data.review_url).toBe(link)
    await expectFeedbackUnsubscribe(invited)

    const private_ = await customerNamed("Ivy")
    await setFeedback(private_, false)
    const other = await completedVisit(private_)
    expect((await rate(private_, other.id, { stars: 5 })).status).toBe(201)
    // The thank-you confirms what they did, so it still goes; only the invitation is left out.
    const thanks = await latestEmail(private_.email, "rating-thanks")
    expect(thanks.data.review_url).toBeUndefined()
    expect(thanks.data.unsubscribe_url).toBeUndefined()
  })
})

describe("a low rating", () => {
  it("at the default threshold (2 stars) alerts the office and opens one complaint, even when the rating is changed again", async () => {
    expect((await api("/admin/ratings/settings", { token: staff, body: { low_rating_threshold: 2 } })).status).toBe(200)
    const unhappy = await customerNamed("Gus")
    const visit = await completeVisit(unhappy)
    const given = await rate(unhappy, visit.id, { stars: 2, comment: "Water all over the conservatory" })
    expect(given.status, JSON.stringify(given.body)).toBe(201)

    const alert = await eventually(async () => {
      const rows = await sql<{ data: Record<string, string> }>(`select data from notification where template = 'rating-low-office' and resource_id = $1`, [
        visit.id,
      ])
      if (!rows.length) throw new Error("no office email yet")
      return rows
    })
    expect(alert[0].data.comment).toBe("Water all over the conservatory")

    const complaint = await eventually(async () => {
      const list = (await api("/store/customers/me/complaints", { token: unhappy.token })).body.complaints as Record<string, any>[]
      if (!list.length) throw new Error("no complaint yet")
      return list
    })
    expect(complaint).toHaveLength(1)
    expect(complaint[0]).toMatchObject({ status: "open", category: "quality_of_work" })
    const rows = await sql<{ rating_id: string; booking_id: string; source: string; description: string }>(
      `select rating_id, booking_id, source, description from complaint where customer_id = $1`,
      [unhappy.customer.id]
    )
    expect(rows).toEqual([
      { rating_id: given.body.rating.id, booking_id: visit.id, source: "rating", description: "Rated 2 stars: Water all over the conservatory" },
    ])
    const shown = await api(`/admin/complaints/${complaint[0].id}`, { token: staff })
    expect(shown.status).toBe(200)
    expect(shown.body.complaint.customer.id).toBe(unhappy.customer.id)

    // Changed to 1 star, then 2 again: still one alert and one complaint.
    expect((await rate(unhappy, visit.id, { stars: 1 }, "PUT")).status).toBe(200)
    expect((await rate(unhappy, visit.id, { stars: 2, comment: "Still wet" }, "PUT")).status).toBe(200)
    await new Promise((resolve) => setTimeout(resolve, 1500))
    expect(await emailsOf("rating-low-office", visit.id)).toHaveLength(1)
    expect(await sql(`select id from complaint where customer_id = $1`, [unhappy.customer.id])).toHaveLength(1)

    // Another customer cannot see it.
    const stranger = await customerNamed("Stan")
    expect((await api(`/store/customers/me/complaints/${complaint[0].id}`, { token: stranger.token })).status).toBe(404)
  })
})
