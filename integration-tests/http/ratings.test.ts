import { randomUUID } from "node:crypto"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { adminToken, api, eventually, fileUpload, latestEmail, signUpCustomer, TINY_PNG } from "../support/api"
import { createFieldworker, insertBooking } from "../support/bookings"
import { sql } from "../support/db"

/**
 * Issue #21 item 4, feedback and ratings: the email asking for a rating when staff complete a
 * visit, rating it 1–5 stars with a comment and photos, changing it for 14 days (the rule reads
 * the booking's completion time against the request's clock: the tests move the completion),
 * refusals (not completed, another customer's, after the 14 days) writing nothing, the low-rating
 * alert, and staff's report, CSV and lists. Changes Settings → Ratings, so it runs alone.
 */

const DAY = 86_400_000
const OFFICE = "office@brightside.example"
type Customer = Awaited<ReturnType<typeof signUpCustomer>>

let staff: string
let alice: Customer
let bob: Customer
let fieldworker: { id: string; name: string }
let settingsBefore: Record<string, unknown>
// A service name only this file uses, so the report's numbers are this file's ratings alone.
const service = `Gutter Clearing ${randomUUID().slice(0, 6)}`

beforeAll(async () => {
  staff = await adminToken()
  settingsBefore = (await api("/admin/ratings/settings", { token: staff })).body.settings
  alice = await signUpCustomer({ first_name: "Alice", last_name: `Rater${randomUUID().slice(0, 6)}` })
  bob = await signUpCustomer({ first_name: "Bob", last_name: `Other${randomUUID().slice(0, 6)}` })
  fieldworker = await createFieldworker(staff, { name: `Sam Ladder ${randomUUID().slice(0, 4)}` })
})

afterAll(async () => {
  if (settingsBefore) await api("/admin/ratings/settings", { token: staff, body: settingsBefore })
})

/** A visit of the customer that staff completed `daysAgo` days ago (written straight into the database). */
async function completedVisit(customer: Customer, options: { daysAgo?: number; postal_code?: string; fieldworker_id?: string | null } = {}) {
  const completedAt = new Date(Date.now() - (options.daysAgo ?? 1) * DAY)
  const booking = await insertBooking({
    email: customer.email,
    customer_id: customer.customer.id,
    status: "completed",
    starts_at: new Date(completedAt.getTime() - 3 * 3_600_000).toISOString(),
    service_title: service,
    postal_code: options.postal_code ?? "BS6 7QT",
    fieldworker_id: options.fieldworker_id === undefined ? fieldworker.id : options.fieldworker_id,
  })
  await sql(`update booking set completed_at = $2 where id = $1`, [booking.id, completedAt.toISOString()])
  return booking
}

const rating = (token: string, bookingId: string, body?: Record<string, unknown>, method: "POST" | "PUT" = "POST") =>
  api(`/store/customers/me/bookings/${bookingId}/rating`, { token, ...(body ? { body, method } : {}) })
const ratingRows = (bookingId: string) => sql<{ stars: number; comment: string | null }>(`select stars, comment from rating where booking_id = $1`, [bookingId])

describe("asking for a rating", () => {
  it("emails the customer a link to rate the visit when staff complete it, and lists it as waiting", async () => {
    const booking = await insertBooking({
      email: alice.email,
      customer_id: alice.customer.id,
      status: "in_progress",
      starts_at: new Date(Date.now() - 60 * 60_000).toISOString(),
      service_title: service,
      fieldworker_id: fieldworker.id,
    })
    const done = await api(`/admin/bookings/${booking.id}/status`, { token: staff, body: { status: "completed" } })
    expect(done.status, JSON.stringify(done.body)).toBe(200)
    const email = await latestEmail(alice.email, "rating-request")
    expect(email.data.rate_url).toMatch(new RegExp(`/bookings/${booking.id}/rate$`))
    expect(email.data.booking_number).toBe(booking.booking_number)

    const pending = await api("/store/customers/me/ratings/pending", { token: alice.token })
    expect(pending.status).toBe(200)
    expect(pending.body.pending).toContainEqual(
      expect.objectContaining({ booking_id: booking.id, booking_number: booking.booking_number, fieldworker_name: fieldworker.name })
    )
    // Rated: no longer waiting.
    expect((await rating(alice.token, booking.id, { stars: 5 })).status).toBe(201)
    const after = await api("/store/customers/me/ratings/pending", { token: alice.token })
    expect(after.body.pending.map((p: { booking_id: string }) => p.booking_id)).not.toContain(booking.id)
  })
})

describe("rating a visit", () => {
  it("rates a completed visit, shows it, refuses a second rating, changes it, and takes photos checked by content", async () => {
    const booking = await completedVisit(alice)
    const before = await rating(alice.token, booking.id)
    expect(before.status).toBe(200)
    expect(before.body).toMatchObject({ rating: null, can_rate: true, booking: { fieldworker_name: fieldworker.name } })

    const given = await rating(alice.token, booking.id, { stars: 4, comment: "  Tidy work, on time.  " })
    expect(given.status, JSON.stringify(given.body)).toBe(201)
    expect(given.body.rating).toMatchObject({
      stars: 4,
      comment: "Tidy work, on time.",
      fieldworker_id: fieldworker.id,
      fieldworker_name: fieldworker.name,
      service_title: service,
      postcode_area: "BS6",
    })
    const thanks = await latestEmail(alice.email, "rating-thanks")
    expect(thanks.data).toMatchObject({ booking_number: booking.booking_number, stars_text: "4 stars" })
    expect(thanks.data.review_url).toBeUndefined()

    const again = await rating(alice.token, booking.id, { stars: 1 })
    expect(again.status).toBe(409)
    expect(again.body.message).toBe("You have already rated this visit. Change your rating instead.")

    const changed = await rating(alice.token, booking.id, { stars: 5, comment: null }, "PUT")
    expect(changed.status, JSON.stringify(changed.body)).toBe(200)
    expect(changed.body.rating).toMatchObject({ stars: 5, comment: null })
    expect(await ratingRows(booking.id)).toEqual([{ stars: 5, comment: null }])

    const photo = await api(`/store/customers/me/bookings/${booking.id}/rating/photos`, {
      token: alice.token,
      raw: fileUpload({ name: "shine.png", type: "image/png", data: TINY_PNG }),
    })
    expect(photo.status, JSON.stringify(photo.body)).toBe(201)
    const [stored] = photo.body.rating.photos
    expect(stored).toMatchObject({ filename: "shine.png", mime_type: "image/png" })
    const file = await api(stored.url, { token: alice.token })
    expect(file.status).toBe(200)
    expect(file.headers["content-type"]).toBe("image/png")
    // A PDF named like a photo is refused by its bytes.
    const fake = await api(`/store/customers/me/bookings/${booking.id}/rating/photos`, {
      token: alice.token,
      raw: fileUpload({ name: "photo.png", type: "image/png", data: Buffer.from("%PDF-1.4 not a photo") }),
    })
    expect(fake.status).toBe(400)
    expect(fake.body.message).toMatch(/not a JPEG, PNG or WebP image/)

    const history = await api(`/admin/customers/${alice.customer.id}/activity?kind=rating_given,rating_changed`, { token: staff })
    const lines = history.body.activity.map((line: { message: string }) => line.message).filter((line: string) => line.includes(booking.booking_number))
    expect(lines).toEqual([
      `Changed the rating of booking ${booking.booking_number} (${service}) from 4 stars to 5 stars.`,
      `Rated booking ${booking.booking_number} (${service}) 4 stars.`,
    ])
  })

  it("refuses a visit that isn't completed, and bad stars, writing nothing", async () => {
    const booking = await insertBooking({ email: alice.email, customer_id: alice.customer.id, starts_at: new Date(Date.now() + 3 * DAY).toISOString() })
    const early = await rating(alice.token, booking.id, { stars: 5 })
    expect(early.status).toBe(400)
    expect(early.body.message).toBe(`Booking ${booking.booking_number}'s visit isn't completed yet: you can rate it once it is done.`)
    const shown = await rating(alice.token, booking.id)
    expect(shown.body).toMatchObject({ rating: null, can_rate: false, changeable_until: null })

    const done = await completedVisit(alice)
    for (const stars of [0, 6, 2.5]) {
      const bad = await rating(alice.token, done.id, { stars })
      expect(bad.status).toBe(400)
      expect(bad.body.fields).toEqual([{ field: "stars", message: "Choose from 1 to 5 stars" }])
    }
    const long = await rating(alice.token, done.id, { stars: 3, comment: "x".repeat(2001) })
    expect(long.status).toBe(400)
    expect(long.body.fields).toEqual([{ field: "comment", message: "The comment can be at most 2000 characters" }])
    expect(await ratingRows(booking.id)).toEqual([])
    expect(await ratingRows(done.id)).toEqual([])
  })

  it("answers 404 for another customer's visit, rating and photos, and changes nothing of theirs", async () => {
    const booking = await completedVisit(alice)
    const given = await rating(alice.token, booking.id, { stars: 3, comment: "Fine" })
    const photo = await api(`/store/customers/me/bookings/${booking.id}/rating/photos`, {
      token: alice.token,
      raw: fileUpload({ name: "a.png", type: "image/png", data: TINY_PNG }),
    })
    expect([given.status, photo.status]).toEqual([201, 201])
    const photoId = photo.body.rating.photos[0].id

    const answers = [
      await rating(bob.token, booking.id),
      await rating(bob.token, booking.id, { stars: 1 }),
      await rating(bob.token, booking.id, { stars: 1 }, "PUT"),
      await api(`/store/customers/me/bookings/${booking.id}/rating/photos`, {
        token: bob.token,
        raw: fileUpload({ name: "b.png", type: "image/png", data: TINY_PNG }),
      }),
      await api(`/store/customers/me/bookings/${booking.id}/rating/photos/${photoId}`, { token: bob.token }),
    ]
    expect(answers.map((answer) => answer.status)).toEqual([404, 404, 404, 404, 404])
    for (const answer of answers) expect(JSON.stringify(answer.body)).not.toContain("Fine")
    expect(await ratingRows(booking.id)).toEqual([{ stars: 3, comment: "Fine" }])
    expect((await sql(`select id from rating_photo where rating_id = $1`, [given.body.rating.id])).length).toBe(1)
    expect((await api("/store/customers/me/ratings/pending", { token: bob.token })).body.pending).toEqual([])
  })
})

describe("the 14 days", () => {
  it("lets a rating be given or changed until 14 days after completion, and not a minute later", async () => {
    const booking = await completedVisit(alice, { daysAgo: 13 })
    expect((await rating(alice.token, booking.id, { stars: 2 })).status).toBe(201)
    // Completed 14 days less a minute ago: still open.
    await sql(`update booking set completed_at = $2 where id = $1`, [booking.id, new Date(Date.now() - 14 * DAY + 60_000).toISOString()])
    expect((await rating(alice.token, booking.id, { stars: 3 }, "PUT")).status).toBe(200)
    // A minute past the 14 days.
    await sql(`update booking set completed_at = $2 where id = $1`, [booking.id, new Date(Date.now() - 14 * DAY - 60_000).toISOString()])
    const late = await rating(alice.token, booking.id, { stars: 5 }, "PUT")
    expect(late.status).toBe(400)
    expect(late.body.message).toBe("Ratings can be changed for 14 days after the visit")
    expect(await ratingRows(booking.id)).toEqual([{ stars: 3, comment: null }])
    expect((await rating(alice.token, booking.id)).body).toMatchObject({ can_rate: false, rating: { stars: 3 } })

    const old = await completedVisit(alice, { daysAgo: 15 })
    const first = await rating(alice.token, old.id, { stars: 4 })
    expect(first.status).toBe(400)
    expect(first.body.message).toBe("Ratings can be changed for 14 days after the visit")
    expect(await ratingRows(old.id)).toEqual([])
  })
})

describe("low ratings and the review link", () => {
  it("emails the office about a rating at or under the setting (through the rating.low_rating_given event), once", async () => {
    const booking = await completedVisit(alice)
    expect((await rating(alice.token, booking.id, { stars: 2, comment: "Left a mess on the patio" })).status).toBe(201)
    const alert = await eventually(async () => {
      const rows = await sql<{ to: string; data: Record<string, string> }>(
        `select "to", data from notification where template = 'rating-low-office' and resource_id = $1`,
        [booking.id]
      )
      if (!rows.length) throw new Error("no office email yet")
      return rows
    })
    expect(alert).toHaveLength(1)
    expect(alert[0].to).toBe(OFFICE)
    expect(alert[0].data).toMatchObject({ booking_number: booking.booking_number, comment: "Left a mess on the patio" })
    expect(alert[0].data.summary).toContain("2 stars")
    expect(alert[0].data.admin_url).toMatch(new RegExp(`/app/bookings/${booking.id}$`))

    // Low to low is one alert; the setting 1 makes 2 stars no longer low.
    expect((await rating(alice.token, booking.id, { stars: 1 }, "PUT")).status).toBe(200)
    const set = await api("/admin/ratings/settings", { token: staff, body: { low_rating_threshold: 1 } })
    expect(set.body.settings.low_rating_threshold).toBe(1)
    const other = await completedVisit(alice)
    expect((await rating(alice.token, other.id, { stars: 2 })).status).toBe(201)
    await new Promise((resolve) => setTimeout(resolve, 1500))
    const count = async (id: string) => (await sql(`select id from notification where template = 'rating-low-office' and resource_id = $1`, [id])).length
    expect([await count(booking.id), await count(other.id)]).toEqual([1, 0])
    await api("/admin/ratings/settings", { token: staff, body: { low_rating_threshold: 2 } })
  })

  it("invites a customer who gave 5 stars to leave a public review when the business set a link", async () => {
    const refused = await api("/admin/ratings/settings", { token: staff, body: { public_review_url: "not a link" } })
    expect(refused.status).toBe(400)
    expect(refused.body.message).toMatch(/full web address/)
    const link = "https://g.page/r/brightside/review"
    expect((await api("/admin/ratings/settings", { token: staff, body: { public_review_url: link } })).body.settings.public_review_url).toBe(link)

    const booking = await completedVisit(alice)
    const given = await rating(alice.token, booking.id, { stars: 5 })
    expect(given.body.public_review_url).toBe(link)
    const thanks = await eventually(async () => {
      const rows = await sql<{ data: Record<string, string> }>(`select data from notification where template = 'rating-thanks' and resource_id = $1`, [
        booking.id,
      ])
      if (!rows.length) throw new Error("no thank-you yet")
      return rows[0]
    })
    expect(thanks.data.review_url).toBe(link)
    expect((await api("/admin/ratings/settings", { token: staff, body: { public_review_url: "" } })).body.settings.public_review_url).toBeNull()
  })
})

describe("staff's report", () => {
  it("averages, counts and spreads the ratings by fieldworker, service, postcode area and month, with filters and CSV", async () => {
    const second = await createFieldworker(staff, { name: `Pat Bucket ${randomUUID().slice(0, 4)}` })
    const area = `ZE${Math.floor(Math.random() * 9) + 1}`
    const made: { stars: number; fw: string | null; postcode: string }[] = [
      { stars: 5, fw: fieldworker.id, postcode: `${area} 1AA` },
      { stars: 4, fw: fieldworker.id, postcode: `${area} 2BB` },
      { stars: 1, fw: second.id, postcode: `${area} 3CC` },
      { stars: 3, fw: null, postcode: "BA1 1AA" },
    ]
    for (const row of made) {
      const booking = await completedVisit(bob, { fieldworker_id: row.fw, postal_code: row.postcode })
      expect((await rating(bob.token, booking.id, { stars: row.stars })).status).toBe(201)
    }
    // Every rating of this file's service (Alice's above too), straight from the table, to check the report against.
    const rows = await sql<{ stars: number; fieldworker_id: string | null; postcode_area: string | null }>(
      `select stars, fieldworker_id, postcode_area from rating where service_title = $1 and deleted_at is null`,
      [service]
    )
    const summary = (list: { stars: number }[]) => ({
      count: list.length,
      average: Math.round((list.reduce((sum, r) => sum + r.stars, 0) / list.length) * 100) / 100,
      distribution: [1, 2, 3, 4, 5].map((star) => list.filter((r) => r.stars === star).length),
    })

    const report = await api(`/admin/ratings/report?service=${encodeURIComponent(service)}`, { token: staff })
    expect(report.status, JSON.stringify(report.body)).toBe(200)
    expect(report.body.total).toMatchObject(summary(rows))
    const byFieldworker = Object.fromEntries(report.body.by_fieldworker.map((g: { key: string }) => [g.key, g]))
    expect(byFieldworker[second.id]).toMatchObject({ label: second.name, ...summary(rows.filter((r) => r.fieldworker_id === second.id)) })
    expect(byFieldworker[fieldworker.id]).toMatchObject({ label: fieldworker.name, ...summary(rows.filter((r) => r.fieldworker_id === fieldworker.id)) })
    expect(byFieldworker[""]).toMatchObject({ label: "No fieldworker", ...summary(rows.filter((r) => !r.fieldworker_id)) })
    const byArea = Object.fromEntries(report.body.by_postcode_area.map((g: { key: string }) => [g.key, g]))
    expect(byArea[area]).toMatchObject(summary(rows.filter((r) => r.postcode_area === area)))
    expect(report.body.by_service).toEqual([expect.objectContaining({ key: service, ...summary(rows) })])
    const month = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London", year: "numeric", month: "2-digit" }).format(new Date(Date.now() - DAY))
    expect(report.body.by_month.map((g: { key: string }) => g.key)).toContain(month)

    // Filters: the postcode area (typed loosely) and a fieldworker; a date range that holds nothing.
    const filtered = await api(
      `/admin/ratings/report?service=${encodeURIComponent(service)}&postcode_area=${area.toLowerCase()}&fieldworker_id=${fieldworker.id}`,
      { token: staff }
    )
    expect(filtered.body.total).toMatchObject({ count: 2, average: 4.5, distribution: [0, 0, 0, 1, 1] })
    const empty = await api(`/admin/ratings/report?service=${encodeURIComponent(service)}&from=2020-01-01&to=2020-01-31`, { token: staff })
    expect(empty.body.total).toMatchObject({ count: 0, average: 0, distribution: [0, 0, 0, 0, 0] })
    const backwards = await api(`/admin/ratings/report?from=2026-02-01&to=2026-01-01`, { token: staff })
    expect(backwards.status).toBe(400)
    expect(backwards.body.message).toMatch(/from must be on or before to/)

    const csv = await api(`/admin/ratings/export?service=${encodeURIComponent(service)}&postcode_area=${area}`, { token: staff })
    expect(csv.status).toBe(200)
    expect(csv.headers["content-type"]).toMatch(/^text\/csv/)
    const lines = String(csv.body).trim().split("\r\n")
    expect(lines[0]).toBe("grouping,group,ratings,average,1 star,2 stars,3 stars,4 stars,5 stars")
    expect(lines[1]).toBe("all,All ratings,3,3.33,1,0,0,1,1")
    expect(lines).toContain(`fieldworker,${second.name},1,1.00,1,0,0,0,0`)
    expect(lines).toContain(`postcode area,${area},3,3.33,1,0,0,1,1`)
  })

  it("lists the ratings of a customer, a booking and a fieldworker, with photos staff can open", async () => {
    const booking = await completedVisit(bob)
    await rating(bob.token, booking.id, { stars: 4, comment: "Good" })
    await api(`/store/customers/me/bookings/${booking.id}/rating/photos`, {
      token: bob.token,
      raw: fileUpload({ name: "c.png", type: "image/png", data: TINY_PNG }),
    })

    const byBooking = await api(`/admin/ratings?booking_id=${booking.id}`, { token: staff })
    expect(byBooking.body).toMatchObject({ count: 1, ratings: [{ booking_id: booking.id, stars: 4, comment: "Good", customer_id: bob.customer.id }] })
    const photo = byBooking.body.ratings[0].photos[0]
    expect(photo.url).toBe(`/admin/ratings/${byBooking.body.ratings[0].id}/photos/${photo.id}`)
    expect((await api(photo.url, { token: staff })).status).toBe(200)
    expect((await api(`/admin/ratings/rtg_nothing/photos/${photo.id}`, { token: staff })).status).toBe(404)

    const byCustomer = await api(`/admin/ratings?customer_id=${bob.customer.id}`, { token: staff })
    expect(byCustomer.body.count).toBeGreaterThanOrEqual(5)
    expect(byCustomer.body.ratings.every((r: { customer_id: string }) => r.customer_id === bob.customer.id)).toBe(true)
    const byFieldworker = await api(`/admin/ratings?fieldworker_id=${fieldworker.id}&limit=100`, { token: staff })
    expect(byFieldworker.body.ratings.every((r: { fieldworker_id: string }) => r.fieldworker_id === fieldworker.id)).toBe(true)
    expect(byFieldworker.body.ratings.map((r: { booking_id: string }) => r.booking_id)).toContain(booking.id)
    expect((await api(`/admin/ratings?limit=0`, { token: staff })).status).toBe(400)
  })
})
