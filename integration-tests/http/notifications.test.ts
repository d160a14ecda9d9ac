import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { adminToken, api, eventually, latestEmail, signUpCustomer } from "../support/api"
import { dueInvoice } from "../support/automatic-payments"
import { bookSomething } from "../support/customer-records"
import { runJob } from "../support/jobs"
import { createSentQuote } from "../support/quotes"

/*
 * Issue #21 item 2: the portal's Notifications (read state kept beside Medusa's Notification
 * module), the events that make them, and Settings → Customer portal's switches for each.
 * Runs alone: it changes the app-wide notification settings and runs the overdue job.
 */

type Notice = { id: string; title: string; message: string; url: string; resource_type: string | null; resource_id: string | null; read_at: string | null }
type Customer = Awaited<ReturnType<typeof signUpCustomer>>

let admin: string
let ada: Customer
let bo: Customer

const feed = async (token: string, query = "") => {
  const response = await api(`/store/customers/me/notifications${query}`, { token })
  expect(response.status, JSON.stringify(response.body)).toBe(200)
  return response.body as { notifications: Notice[]; count: number; unread_count: number; limit: number; offset: number }
}
const unread = async (token: string) => (await api("/store/customers/me/notifications/unread-count", { token })).body.unread_count as number

/** The newest notice about `resourceId` whose title matches, once the subscriber has made it. */
const noticeAbout = (token: string, resourceId: string, title: RegExp) =>
  eventually(async () => {
    const found = (await feed(token, "?limit=100")).notifications.find((notice) => notice.resource_id === resourceId && title.test(notice.title))
    if (!found) throw new Error(`no notice ${title} about ${resourceId} yet`)
    return found
  }, 20_000)

const setNotices = async (notices: Record<string, { notice?: boolean; email?: boolean }>) => {
  const response = await api("/admin/portal/settings", { token: admin, body: { notices } })
  expect(response.status, JSON.stringify(response.body)).toBe(200)
  return response.body.settings.notices as Record<string, { notice: boolean; email: boolean }>
}
const setStatus = async (bookingId: string, status: string, extra: Record<string, unknown> = {}) => {
  const response = await api(`/admin/bookings/${bookingId}/status`, { token: admin, body: { status, ...extra } })
  expect(response.status, JSON.stringify(response.body)).toBe(200)
}
const emailsTo = async (email: string) =>
  (await api(`/admin/notifications?to=${encodeURIComponent(email)}&channel=email&limit=100&fields=id,template`, { token: admin })).body.notifications as {
    template: string
  }[]

beforeAll(async () => {
  admin = await adminToken()
  ada = await signUpCustomer({ first_name: "Ada", last_name: "Notice" })
  bo = await signUpCustomer({ first_name: "Bo", last_name: "Other" })
})

afterAll(async () => {
  // Back to the defaults, for the files after this one.
  await setNotices({
    booking_started: { notice: true, email: false },
    booking_completed: { notice: true, email: false },
    booking_cancelled: { notice: true, email: true },
    invoice_overdue: { notice: true, email: false },
  })
})

describe("the customer's notifications", () => {
  it("lists notices newest first with unread state, a page at a time, and marks one or all read", async () => {
    const first = await bookSomething(ada.token)
    const second = await bookSomething(ada.token)
    const confirmed = await noticeAbout(ada.token, first.booking.id, /confirmed/)
    await noticeAbout(ada.token, second.booking.id, /confirmed/)
    expect(confirmed).toMatchObject({ url: `/bookings/${first.booking.id}`, resource_type: "booking", read_at: null })

    const all = await feed(ada.token)
    expect(all.count).toBe(2)
    expect(all.unread_count).toBe(2)
    expect(all.notifications[0].resource_id).toBe(second.booking.id)
    expect(await unread(ada.token)).toBe(2)
    const page = await feed(ada.token, "?limit=1&offset=1")
    expect(page).toMatchObject({ count: 2, limit: 1, offset: 1 })
    expect(page.notifications.map((notice) => notice.id)).toEqual([confirmed.id])

    // Someone else's notice is not found, and stays unread.
    const foreign = await api(`/store/customers/me/notifications/${confirmed.id}/read`, { token: bo.token, method: "POST" })
    expect(foreign.status).toBe(404)
    expect(foreign.body.message).toMatch(/Notification .* was not found/)
    expect(await unread(ada.token)).toBe(2)
    expect((await api("/store/customers/me/notifications/ntf_nothing/read", { token: ada.token, method: "POST" })).status).toBe(404)

    const opened = await api(`/store/customers/me/notifications/${confirmed.id}/read`, { token: ada.token, method: "POST" })
    expect(opened.status, JSON.stringify(opened.body)).toBe(200)
    expect(opened.body.notification.read_at).toBeTruthy()
    expect(opened.body.unread_count).toBe(1)
    const again = await api(`/store/customers/me/notifications/${confirmed.id}/read`, { token: ada.token, method: "POST" })
    expect(again.body.notification.read_at).toBe(opened.body.notification.read_at)
    expect(await unread(ada.token)).toBe(1)

    const allRead = await api("/store/customers/me/notifications/read-all", { token: ada.token, method: "POST" })
    expect(allRead.status).toBe(200)
    expect(allRead.body.unread_count).toBe(0)
    expect((await feed(ada.token)).notifications.every((notice) => notice.read_at)).toBe(true)

    // A notice after "mark all read" is unread again.
    await setStatus(first.booking.id, "in_progress")
    const started = await noticeAbout(ada.token, first.booking.id, /in progress/)
    expect(started.read_at).toBeNull()
    expect(await unread(ada.token)).toBe(1)
    expect(await unread(bo.token)).toBe(0)
  })

  it("refuses bad pages and bodies with readable 400s", async () => {
    const bad = await api("/store/customers/me/notifications?limit=500", { token: ada.token })
    expect(bad.status).toBe(400)
    expect(bad.body.message).toMatch(/limit/)
    const body = await api("/store/customers/me/notifications/read-all", { token: ada.token, body: { everything: true } })
    expect(body.status).toBe(400)
    expect((await api("/store/customers/me/notifications")).status).toBe(401)
  })
})

describe("Settings → Customer portal → Notifications", () => {
  it("starts with every notice on, emails as before, and keeps service emails on", async () => {
    const { body } = await api("/admin/portal/settings", { token: admin })
    expect(body.settings.notices.booking_confirmed).toEqual({ notice: true, email: true })
    expect(body.settings.notices.booking_started).toEqual({ notice: true, email: false })
    const kept = await setNotices({ invoice_issued: { email: false } })
    expect(kept.invoice_issued.email).toBe(true)
    const unknown = await api("/admin/portal/settings", { token: admin, body: { notices: { booking_exploded: { notice: true } } } })
    expect(unknown.status).toBe(400)
    expect(unknown.body.message).toMatch(/booking_exploded/)
    const wrong = await api("/admin/portal/settings", { token: admin, body: { notices: { quote_sent: { notice: "yes" } } } })
    expect(wrong.status).toBe(400)
  })

  it("makes no notice for a switched-off event, emails a switched-on one, and holds back a switched-off email", async () => {
    const { booking } = await bookSomething(ada.token)
    await noticeAbout(ada.token, booking.id, /confirmed/)
    const settings = await setNotices({ booking_started: { notice: false }, booking_completed: { email: true }, booking_cancelled: { email: false } })
    expect(settings.booking_started).toEqual({ notice: false, email: false })

    await setStatus(booking.id, "in_progress")
    await setStatus(booking.id, "completed", { early_finish: true })
    await noticeAbout(ada.token, booking.id, /completed/)
    const about = (await feed(ada.token, "?limit=100")).notifications.filter((notice) => notice.resource_id === booking.id)
    expect(about.map((notice) => notice.title).some((title) => /in progress/.test(title))).toBe(false)
    const mail = await latestEmail(ada.email, "portal-notice")
    expect(mail.data.title).toMatch(/completed/)
    expect(mail.data.url).toContain(`/bookings/${booking.id}`)

    const other = (await bookSomething(ada.token)).booking
    await setStatus(other.id, "cancelled", { reason: "Van broke down" })
    await noticeAbout(ada.token, other.id, /cancelled/)
    // The office's email (if any) may go; the customer's "booking-cancelled" does not.
    await new Promise((resolve) => setTimeout(resolve, 1000))
    expect((await emailsTo(ada.email)).filter((email) => email.template === "booking-cancelled")).toHaveLength(0)

    await setNotices({ booking_started: { notice: true }, booking_completed: { email: false }, booking_cancelled: { email: true } })
  })

  it("tells the customer when a quote is sent and an invoice is issued", async () => {
    const { quote } = await createSentQuote(admin, ada.customer.id)
    const quoted = await noticeAbout(ada.token, quote.id, /Quote/)
    expect(quoted).toMatchObject({ url: `/quotes/${quote.id}`, resource_type: "quote" })

    const invoice = await dueInvoice(admin, ada.token)
    const issued = await noticeAbout(ada.token, invoice.id, new RegExp(`Invoice ${invoice.number}`))
    expect(issued).toMatchObject({ url: `/invoices/${invoice.id}`, resource_type: "invoice" })
  })

  it("tells the payer once when an invoice becomes overdue, by email too when switched on", async () => {
    const invoice = await dueInvoice(admin, bo.token)
    await setNotices({ invoice_overdue: { email: true } })
    const dueAt = Date.parse(invoice.due_at)

    // Not yet due: nothing.
    await runJob("invoice-overdue-notices", new Date(dueAt - 60_000))
    expect((await feed(bo.token, "?limit=100")).notifications.some((notice) => /overdue/.test(notice.title))).toBe(false)

    const run = await runJob<{ notified: string[] }>("invoice-overdue-notices", new Date(dueAt + 86_400_000))
    expect(run.notified).toContain(invoice.id)
    const overdue = await noticeAbout(bo.token, invoice.id, /overdue/)
    expect(overdue).toMatchObject({ url: `/invoices/${invoice.id}`, title: `Invoice ${invoice.number} is overdue` })
    expect((await latestEmail(bo.email, "portal-notice")).data.title).toBe(`Invoice ${invoice.number} is overdue`)

    const rerun = await runJob<{ notified: string[] }>("invoice-overdue-notices", new Date(dueAt + 2 * 86_400_000))
    expect(rerun.notified).not.toContain(invoice.id)
    const overdueNotices = (await feed(bo.token, "?limit=100")).notifications.filter((notice) => /overdue/.test(notice.title))
    expect(overdueNotices).toHaveLength(1)
    await setNotices({ invoice_overdue: { email: false } })
  })
})
