/**
 * Visit reminders (issue #21 item 3): the visit-reminders job, run with a pinned clock, emails
 * each visit's reminders at their lead times (2 days and 2 hours by default), each once.
 */
import { afterEach, beforeAll, describe, expect, inject, it } from "vitest"
import { adminToken, api, signUpCustomer } from "../support/api"
import { createFieldworker, insertBooking } from "../support/bookings"
import { sql } from "../support/db"
import { runJob } from "../support/jobs"
import { DAY, farVisit, MINUTE, remindersOf, sentBody, sentRemindersOf, setReminderSettings } from "../support/visit-reminders"

const HOUR = 60 * MINUTE
const resend = (path: string, init?: RequestInit) => fetch(`${inject("resendUrl")}${path}`, init)
type JobResult = { sent: string[]; failed: number }
const run = (at: Date) => runJob<JobResult>("visit-reminders", at)

let customer: Awaited<ReturnType<typeof signUpCustomer>>
let fieldworker: { id: string; name: string }

beforeAll(async () => {
  await setReminderSettings({ enabled: true, lead_hours: [48, 2] })
  customer = await signUpCustomer({ first_name: "Rhea", last_name: "Minder" })
  fieldworker = await createFieldworker(await adminToken(), { name: "Sam Reminder" })
})

afterEach(async () => {
  await resend("/_fake/faults", { method: "DELETE" })
})

const visit = (start: Date, extra: { fieldworker_id?: string } = {}) =>
  insertBooking({ email: customer.email, customer_id: customer.customer.id, starts_at: start.toISOString(), service_title: "Oven Clean", ...extra })

describe("the reminder settings", () => {
  it("answers with the defaults and refuses bad lead times with a readable 400", async () => {
    const admin = await adminToken()
    const read = await api("/admin/portal/visit-reminders", { token: admin })
    expect(read.status).toBe(200)
    expect(read.body.settings).toMatchObject({ enabled: true, lead_hours: [48, 2] })
    for (const lead_hours of [[0], [48, 48], [1, 2, 3, 4, 5], [1.5], [400], []]) {
      const refused = await api("/admin/portal/visit-reminders", { token: admin, body: { lead_hours } })
      expect(refused.status, JSON.stringify(lead_hours)).toBe(400)
      expect(refused.body.message).toMatch(/lead time|hours/i)
    }
    const saved = await api("/admin/portal/visit-reminders", { token: admin, body: { lead_hours: [2, 24] } })
    expect(saved.body.settings.lead_hours).toEqual([24, 2])
    await setReminderSettings({ lead_hours: [48, 2] })
    expect((await api("/admin/portal/visit-reminders", {})).status).toBe(401)
  })
})

describe("the visit-reminders job", () => {
  it("sends the 2-day reminder once even when the job runs twice, at once and again, then the 2-hour one at its time", async () => {
    const start = farVisit(400)
    const booking = await visit(start, { fieldworker_id: fieldworker.id })

    expect((await run(new Date(start.getTime() - 2 * DAY - 10 * MINUTE))).sent).not.toContain(`${booking.id}:2880`)
    expect(await remindersOf(booking.id)).toHaveLength(0)

    const due = new Date(start.getTime() - 2 * DAY + 3 * MINUTE)
    const [first, second] = await Promise.all([run(due), run(due)])
    expect([...first.sent, ...second.sent].filter((key) => key === `${booking.id}:2880`)).toHaveLength(1)
    await run(new Date(due.getTime() + 5 * MINUTE))
    const twoDay = await sentRemindersOf(booking.id)
    expect(twoDay).toHaveLength(1)

    const email = twoDay[0]
    expect(email.to).toBe(customer.email)
    expect(email.data).toMatchObject({
      booking_number: booking.booking_number,
      service_title: "Oven Clean",
      location_text: expect.stringContaining("14 Larch Avenue"),
      fieldworker_name: "Sam Reminder",
      lead_text: "in 2 days",
      first_name: "Rhea",
    })
    // The time in the business's time zone (Europe/London): 10:00 UTC is 10:00 in winter, 11:00 in summer.
    expect(email.data.when_text).toMatch(/arriving between (10|11):00/)
    expect(email.data.reschedule_url).toMatch(new RegExp(`/bookings/${booking.id}/reschedule$`))
    expect(email.data.cancel_url).toMatch(new RegExp(`/bookings/${booking.id}/cancel$`))
    expect(email.data.change_rules_text).toMatch(/You can reschedule online until .+\. You can cancel online until .+\./)

    // The headers and the visible link of a non-essential email.
    const sent = await sentBody(email.external_id!)
    expect(sent.headers?.["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click")
    expect(sent.headers?.["List-Unsubscribe"]).toMatch(/^<http[^>]+\/unsubscribe\?customer=[^&]+&kind=reminders&signature=[\w-]+>$/)
    const link = sent.headers!["List-Unsubscribe"].slice(1, -1)
    expect(email.data.unsubscribe_url).toBe(link)
    expect(sent.html.replace(/&amp;/g, "&")).toContain(link)
    expect(sent.text).toContain("Unsubscribe")
    expect(sent.subject).toContain("Reminder: Oven Clean")

    // Nothing more until the 2-hour reminder's time; then it goes, once.
    await run(new Date(start.getTime() - 3 * HOUR))
    expect(await sentRemindersOf(booking.id)).toHaveLength(1)
    const twoHours = new Date(start.getTime() - 2 * HOUR + MINUTE)
    expect((await run(twoHours)).sent).toContain(`${booking.id}:120`)
    await run(new Date(twoHours.getTime() + 5 * MINUTE))
    const both = await sentRemindersOf(booking.id)
    expect(both).toHaveLength(2)
    expect(both[1].data.lead_text).toBe("in 2 hours")
    // After the start, nothing.
    await run(new Date(start.getTime() + MINUTE))
    expect(await sentRemindersOf(booking.id)).toHaveLength(2)
  })

  it("sends a cancelled or completed visit nothing", async () => {
    const start = farVisit(410)
    const cancelled = await visit(start)
    const completed = await visit(new Date(start.getTime() + HOUR))
    await sql("update booking set status = 'cancelled', cancelled_at = now() where id = $1", [cancelled.id])
    await sql("update booking set status = 'completed', completed_at = now() where id = $1", [completed.id])
    await run(new Date(start.getTime() - 2 * DAY + MINUTE))
    await run(new Date(start.getTime() - 2 * HOUR + 30 * MINUTE))
    expect(await remindersOf(cancelled.id)).toHaveLength(0)
    expect(await remindersOf(completed.id)).toHaveLength(0)
  })

  it("sends a moved visit reminders for its new time, and none for the old", async () => {
    const start = farVisit(420)
    const booking = await visit(start)
    await run(new Date(start.getTime() - 2 * DAY + MINUTE))
    expect(await sentRemindersOf(booking.id)).toHaveLength(1)

    const moved = new Date(start.getTime() + 3 * DAY)
    await sql("update booking set starts_at = $2, ends_at = $3 where id = $1", [
      booking.id,
      moved.toISOString(),
      new Date(moved.getTime() + 2 * HOUR).toISOString(),
    ])
    // The old time's 2-hour reminder: not sent.
    await run(new Date(start.getTime() - 2 * HOUR + MINUTE))
    expect(await sentRemindersOf(booking.id)).toHaveLength(1)
    // The new time gets both of its own.
    await run(new Date(moved.getTime() - 2 * DAY + MINUTE))
    await run(new Date(moved.getTime() - 2 * HOUR + MINUTE))
    const sent = await sentRemindersOf(booking.id)
    expect(sent.map((email) => email.data.lead_text)).toEqual(["in 2 days", "in 2 days", "in 2 hours"])
    expect(sent.map((email) => email.idempotency_key.split(":").slice(2).join(":"))).toEqual([
      `2880:${start.toISOString()}#1`,
      `2880:${moved.toISOString()}#1`,
      `120:${moved.toISOString()}#1`,
    ])
  })

  it("sends a visit booked after the 2-day reminder's time only the 2-hour one", async () => {
    const start = farVisit(430)
    const booking = await visit(start)
    await sql("update booking set created_at = $2 where id = $1", [booking.id, new Date(start.getTime() - 30 * HOUR).toISOString()])
    await run(new Date(start.getTime() - 29 * HOUR))
    expect(await remindersOf(booking.id)).toHaveLength(0)
    await run(new Date(start.getTime() - 2 * HOUR + MINUTE))
    expect((await sentRemindersOf(booking.id)).map((email) => email.data.lead_text)).toEqual(["in 2 hours"])
  })

  it("sends nothing to a customer who turned reminders off, nor while reminders are off", async () => {
    const quiet = await signUpCustomer({ first_name: "Quinn", last_name: "Quiet" })
    const turnedOff = await api("/store/customers/me/profile", { token: quiet.token, body: { reminder_emails: false } })
    expect(turnedOff.status, JSON.stringify(turnedOff.body)).toBe(200)
    const start = farVisit(440)
    const theirs = await insertBooking({ email: quiet.email, customer_id: quiet.customer.id, starts_at: start.toISOString() })
    const others = await visit(new Date(start.getTime() + HOUR))
    await setReminderSettings({ enabled: false })
    try {
      await run(new Date(start.getTime() - 2 * DAY + 2 * HOUR))
      expect(await remindersOf(others.id)).toHaveLength(0)
    } finally {
      await setReminderSettings({ enabled: true })
    }
    await run(new Date(start.getTime() - 2 * DAY + 2 * HOUR))
    expect(await remindersOf(theirs.id)).toHaveLength(0)
    expect(await sentRemindersOf(others.id)).toHaveLength(1)
  })

  it("tries again on the next run when the email provider is down, and sends once", async () => {
    const start = farVisit(450)
    const booking = await visit(start)
    const fault = await resend("/_fake/faults", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ to: customer.email, fault: { mode: "error", status: 500 } }),
    })
    expect(fault.status).toBe(200)
    const at = new Date(start.getTime() - 2 * DAY + MINUTE)
    expect((await run(at)).failed).toBeGreaterThanOrEqual(1)
    expect((await remindersOf(booking.id)).map((email) => email.status)).toEqual(["failure"])

    await resend("/_fake/faults", { method: "DELETE" })
    expect((await run(new Date(at.getTime() + 5 * MINUTE))).sent).toContain(`${booking.id}:2880`)
    await run(new Date(at.getTime() + 10 * MINUTE))
    expect((await remindersOf(booking.id)).map((email) => email.status)).toEqual(["failure", "success"])
  })
})
