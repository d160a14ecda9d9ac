import { beforeAll, describe, expect, it } from "vitest"
import { adminToken, api, eventually, fileUpload, latestEmail, signUpCustomer, TINY_PNG } from "../support/api"
import { insertBooking } from "../support/bookings"
import { sql } from "../support/db"
import { apiBase, asCustomer, asStaff, fetchFile, TINY_PDF } from "../support/files"

/**
 * Issue #21 item 5, complaints as tickets: the customer opens one from a past visit or from
 * Support, with photos; staff list them by status, category, who handles them, customer and age,
 * assign them and move them on (resolving takes a note); each change is a line in the customer's
 * history and a status change reaches the customer as a portal notice and an email. Another
 * customer's complaint, photo or visit is a 404.
 */

type Customer = Awaited<ReturnType<typeof signUpCustomer>>
let admin: string
let adminUserId: string
let dora: Customer
let eve: Customer
let pastVisit: { id: string; booking_number: string }
let futureVisit: { id: string }
let evesVisit: { id: string }

const DAY = 86_400_000
const open = (customer: Customer, body: Record<string, unknown>) => api("/store/customers/me/complaints", { token: customer.token, body })
const photo = (customer: Customer, id: string, file = { name: "scratch.png", type: "image/png", data: TINY_PNG }) =>
  api(`/store/customers/me/complaints/${id}/photos`, { token: customer.token, raw: fileUpload(file) })
const staff = (path: string, body?: Record<string, unknown>) => api(`/admin/complaints${path}`, { token: admin, ...(body ? { body } : {}) })
const activity = async (customerId: string, kind: string) =>
  (await api(`/admin/customers/${customerId}/activity?kind=${kind}`, { token: admin })).body.activity as { message: string; data: Record<string, unknown> }[]

beforeAll(async () => {
  admin = await adminToken()
  adminUserId = (await api("/admin/users/me", { token: admin })).body.user.id
  dora = await signUpCustomer({ first_name: "Dora", last_name: "Complains" })
  eve = await signUpCustomer({ first_name: "Eve", last_name: "Other" })
  pastVisit = await insertBooking({
    email: dora.email,
    customer_id: dora.customer.id,
    status: "completed",
    starts_at: new Date(Date.now() - 3 * DAY).toISOString(),
  })
  futureVisit = await insertBooking({ email: dora.email, customer_id: dora.customer.id, starts_at: new Date(Date.now() + 5 * DAY).toISOString() })
  evesVisit = await insertBooking({
    email: eve.email,
    customer_id: eve.customer.id,
    status: "completed",
    starts_at: new Date(Date.now() - 2 * DAY).toISOString(),
  })
}, 120_000)

describe("the customer opening a complaint", () => {
  it("opens one about a past visit with a readable number, lists it and shows it, and notes it in the history", async () => {
    const opened = await open(dora, { category: "quality_of_work", description: "  The windows were left streaky.  ", booking_id: pastVisit.id })
    expect(opened.status, JSON.stringify(opened.body)).toBe(201)
    const complaint = opened.body.complaint
    expect(complaint).toMatchObject({
      number: expect.stringMatching(/^C-\d{4,}$/),
      category: "quality_of_work",
      description: "The windows were left streaky.",
      status: "open",
      source: "customer",
      resolution_note: null,
      booking: { id: pastVisit.id, booking_number: pastVisit.booking_number },
      photos: [],
    })
    const second = await open(dora, { category: "billing", description: "I was charged twice." })
    expect(second.status).toBe(201)
    expect(second.body.complaint.booking).toBeNull()
    expect(Number(second.body.complaint.number.slice(2))).toBeGreaterThan(Number(complaint.number.slice(2)))

    const list = await api("/store/customers/me/complaints", { token: dora.token })
    expect(list.status).toBe(200)
    expect(list.body.count).toBe(2)
    expect(list.body.complaints.map((row: { number: string }) => row.number)).toEqual([second.body.complaint.number, complaint.number])
    expect(list.body.complaints[1]).toMatchObject({ status: "open", category: "quality_of_work", booking_number: pastVisit.booking_number })
    expect((await api(`/store/customers/me/complaints/${complaint.id}`, { token: dora.token })).body.complaint.id).toBe(complaint.id)

    const lines = await activity(dora.customer.id, "complaint_opened")
    expect(lines.map((line) => line.message)).toContain(`Complaint ${complaint.number} opened about visit ${pastVisit.booking_number}: Quality of work`)
    expect(lines.map((line) => line.message)).toContain(`Complaint ${second.body.complaint.number} opened: Billing`)
  })

  it("refuses bad input with readable messages and writes nothing", async () => {
    const before = await sql<{ count: string }>(`select count(*) from complaint where customer_id = $1`, [dora.customer.id])
    const cases: [Record<string, unknown>, number, RegExp][] = [
      [{ category: "weather", description: "x" }, 400, /Choose what the problem is about/],
      [{ category: "damage", description: "   " }, 400, /Tell us what went wrong/],
      [{ category: "damage", description: "x".repeat(5001) }, 400, /at most 5000 characters/],
      [{ category: "damage", description: "ok", colour: "red" }, 400, /colour/],
      [{ category: "damage", description: "ok", booking_id: futureVisit.id }, 400, /has not taken place yet/],
      [{ category: "damage", description: "ok", booking_id: evesVisit.id }, 404, /was not found/],
      [{ category: "damage", description: "ok", booking_id: "bkg_missing" }, 404, /was not found/],
    ]
    for (const [body, status, message] of cases) {
      const response = await open(dora, body)
      expect(response.status, JSON.stringify(body).slice(0, 80)).toBe(status)
      expect(response.body.message).toMatch(message)
    }
    expect((await api("/store/customers/me/complaints", { body: { category: "damage", description: "ok" } })).status).toBe(401)
    const after = await sql<{ count: string }>(`select count(*) from complaint where customer_id = $1`, [dora.customer.id])
    expect(after[0].count).toBe(before[0].count)
    expect((await open(dora, { category: "damage", description: "x".repeat(5000) })).status).toBe(201)
  })

  it("keeps photos and PDFs checked by content, each once, served to the customer and staff only", async () => {
    const { complaint } = (await open(dora, { category: "damage", description: "A scratch on the floor.", booking_id: pastVisit.id })).body
    const added = await photo(dora, complaint.id)
    expect(added.status, JSON.stringify(added.body)).toBe(201)
    expect(added.body.complaint.photos).toEqual([
      { id: expect.any(String), filename: "scratch.png", mime_type: "image/png", size_bytes: TINY_PNG.length, created_at: expect.any(String) },
    ])
    expect((await photo(dora, complaint.id, { name: "receipt.pdf", type: "application/pdf", data: TINY_PDF })).status).toBe(201)
    const again = await photo(dora, complaint.id, { name: "copy.png", type: "image/png", data: TINY_PNG })
    expect(again.status).toBe(400)
    expect(again.body.message).toBe("This file is already on the complaint, as “scratch.png”.")
    const text = await photo(dora, complaint.id, { name: "fake.png", type: "image/png", data: Buffer.from("just words") })
    expect(text.status).toBe(400)
    expect(text.body.message).toMatch(/not a photo or a PDF/)

    const photoId = added.body.complaint.photos[0].id
    const own = await fetchFile(`${apiBase()}/store/customers/me/complaints/${complaint.id}/photos/${photoId}`, asCustomer(dora.token))
    expect(own.status).toBe(200)
    expect(own.bytes.equals(TINY_PNG)).toBe(true)
    const staffCopy = await fetchFile(`${apiBase()}/admin/complaints/${complaint.id}/photos/${photoId}`, asStaff(admin))
    expect(staffCopy.status).toBe(200)
    expect((await activity(dora.customer.id, "complaint_file_added")).map((line) => line.message)).toContain(
      `Added “scratch.png” to complaint ${complaint.number}`
    )

    // Eve: Dora's complaint, its photos and its files are all "not found".
    expect((await api(`/store/customers/me/complaints/${complaint.id}`, { token: eve.token })).status).toBe(404)
    expect((await photo(eve, complaint.id, { name: "mine.pdf", type: "application/pdf", data: Buffer.concat([TINY_PDF, Buffer.from("eve")]) })).status).toBe(
      404
    )
    const stolen = await fetchFile(`${apiBase()}/store/customers/me/complaints/${complaint.id}/photos/${photoId}`, asCustomer(eve.token))
    expect(stolen.status).toBe(404)
    expect((await api("/store/customers/me/complaints", { token: eve.token })).body.complaints).toEqual([])
  })
})

describe("staff handling complaints", () => {
  it("assigns, resolves with a note, tells the customer by portal notice and email, and notes each step", async () => {
    const { complaint } = (await open(dora, { category: "staff_conduct", description: "The cleaner was rude.", booking_id: pastVisit.id })).body
    const shown = await staff(`/${complaint.id}`)
    expect(shown.status).toBe(200)
    expect(shown.body.complaint).toMatchObject({
      number: complaint.number,
      customer: { id: dora.customer.id, name: "Dora Complains", email: dora.email },
      assigned_user: null,
      age: "just now",
    })

    const assigned = await staff(`/${complaint.id}/assign`, { assigned_user_id: adminUserId })
    expect(assigned.status, JSON.stringify(assigned.body)).toBe(200)
    expect(assigned.body.complaint.assigned_user.id).toBe(adminUserId)
    expect((await staff(`/${complaint.id}/assign`, { assigned_user_id: "user_nobody" })).status).toBe(400)
    expect((await activity(dora.customer.id, "complaint_assigned"))[0].message).toMatch(new RegExp(`^Complaint ${complaint.number} assigned to `))

    const progress = await staff(`/${complaint.id}/status`, { status: "in_progress" })
    expect(progress.status).toBe(200)
    expect(progress.body.complaint.status).toBe("in_progress")
    const noNote = await staff(`/${complaint.id}/status`, { status: "resolved" })
    expect(noNote.status).toBe(400)
    expect(noNote.body.message).toMatch(/resolution note/)
    expect((await staff(`/${complaint.id}/status`, { status: "in_progress" })).status).toBe(400)
    expect((await staff(`/${complaint.id}/status`, { status: "done", note: "x" })).status).toBe(400)

    const resolved = await staff(`/${complaint.id}/status`, { status: "resolved", note: "We spoke to the cleaner and refunded the visit." })
    expect(resolved.status, JSON.stringify(resolved.body)).toBe(200)
    expect(resolved.body.complaint).toMatchObject({
      status: "resolved",
      resolution_note: "We spoke to the cleaner and refunded the visit.",
      resolved_at: expect.any(String),
    })

    const mine = (await api(`/store/customers/me/complaints/${complaint.id}`, { token: dora.token })).body.complaint
    expect(mine).toMatchObject({ status: "resolved", resolution_note: "We spoke to the cleaner and refunded the visit." })
    const notices = await eventually(async () => {
      const list = (await api("/store/customers/me/notifications", { token: dora.token })).body.notifications as {
        title: string
        message: string
        url: string
      }[]
      const found = list.filter((notice) => notice.url === `/complaints/${complaint.id}`)
      if (found.length < 2) throw new Error("no notices yet")
      return found
    })
    expect(notices.map((notice) => notice.title)).toEqual([`Complaint ${complaint.number}: Resolved`, `Complaint ${complaint.number}: In progress`])
    expect(notices[0].message).toMatch(/refunded the visit/)
    const email = await latestEmail(dora.email, "complaint-status-changed")
    expect(email.data).toMatchObject({
      complaint_number: complaint.number,
      status_label: "Resolved",
      resolution_note: "We spoke to the cleaner and refunded the visit.",
    })
    expect(email.data.complaint_url).toMatch(new RegExp(`/complaints/${complaint.id}$`))

    const changes = await activity(dora.customer.id, "complaint_status_changed")
    expect(changes.map((line) => line.message)).toEqual(
      expect.arrayContaining([
        `Complaint ${complaint.number} moved to in progress`,
        `Complaint ${complaint.number} moved to resolved: We spoke to the cleaner and refunded the visit.`,
      ])
    )
    expect((await staff(`/${complaint.id}/status`, { status: "closed" })).body.complaint).toMatchObject({ status: "closed", closed_at: expect.any(String) })
    const closedPhoto = await photo(dora, complaint.id, { name: "late.pdf", type: "application/pdf", data: Buffer.concat([TINY_PDF, Buffer.from("late")]) })
    expect(closedPhoto.status).toBe(400)
  })

  it("lists complaints by status, category, who handles them, customer and age, with their age", async () => {
    const { complaint: old } = (await open(eve, { category: "missed_or_late_visit", description: "Nobody came.", booking_id: evesVisit.id })).body
    await sql(`update complaint set created_at = now() - interval '9 days' where id = $1`, [old.id])
    const { complaint: fresh } = (await open(eve, { category: "other", description: "The gate was left open." })).body
    await staff(`/${fresh.id}/assign`, { assigned_user_id: adminUserId })

    const mine = await staff(`?customer_id=${eve.customer.id}`)
    expect(mine.status).toBe(200)
    expect(mine.body.count).toBe(2)
    expect(mine.body.complaints.find((row: { id: string }) => row.id === old.id)).toMatchObject({ age: "9 days", booking_number: expect.any(String) })
    const ids = async (query: string) => ((await staff(`?customer_id=${eve.customer.id}&${query}`)).body.complaints as { id: string }[]).map((row) => row.id)
    expect(await ids("older_than_days=7")).toEqual([old.id])
    expect(await ids("category=other")).toEqual([fresh.id])
    expect(await ids("assigned_user_id=none")).toEqual([old.id])
    expect(await ids(`assigned_user_id=${adminUserId}`)).toEqual([fresh.id])
    expect(await ids("status=open")).toEqual([fresh.id, old.id])
    expect(await ids("status=resolved")).toEqual([])
    for (const bad of ["status=maybe", "category=weather", "limit=500", "older_than_days=soon", "colour=red"]) {
      expect((await staff(`?${bad}`)).status, bad).toBe(400)
    }
    expect((await api("/admin/complaints", { token: eve.token })).status).toBe(401)
  })

  it("opens a complaint on the customer's behalf, and answers 404 for one that does not exist", async () => {
    const opened = await staff("", { customer_id: dora.customer.id, category: "billing", description: "Phoned in: invoice shows the wrong visit." })
    expect(opened.status, JSON.stringify(opened.body)).toBe(201)
    expect(opened.body.complaint).toMatchObject({ source: "staff", status: "open", customer: { id: dora.customer.id } })
    expect((await activity(dora.customer.id, "complaint_opened"))[0].message).toBe(`Complaint ${opened.body.complaint.number} opened by staff: Billing`)
    expect((await staff("", { customer_id: "cus_missing", category: "billing", description: "x" })).status).toBe(404)
    expect((await staff("", { customer_id: dora.customer.id, category: "billing", description: "x", booking_id: evesVisit.id })).status).toBe(404)
    for (const path of ["/cmp_missing", "/cmp_missing/photos/cmpf_missing"]) expect((await staff(path)).status, path).toBe(404)
    expect((await staff("/cmp_missing/status", { status: "closed" })).status).toBe(404)
    expect((await staff("/cmp_missing/assign", { assigned_user_id: null })).status).toBe(404)
  })
})
