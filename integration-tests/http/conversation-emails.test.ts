import { afterEach, beforeAll, describe, expect, inject, it } from "vitest"
import { adminToken, api, eventually, signUpCustomer } from "../support/api"
import { createFieldworker } from "../support/bookings"
import { bookSomething } from "../support/customer-records"
import { sql } from "../support/db"
import { runJob } from "../support/jobs"

/**
 * Issue #21 item 1, emails when away: the conversation-emails job (every minute) emails the
 * customer about staff replies unread for five minutes, and the office (or the assigned staff
 * member, with the booking's fieldworker copied) about customers' messages. Once per message
 * batch; with Resend down the message stands and the email goes on a later run.
 */

type Customer = Awaited<ReturnType<typeof signUpCustomer>>
type Sent = { to: string; template: string; status: string; data: Record<string, string> }
type JobResult = { customer_emails: number; office_emails: number; failed: number }

const ME = "/store/customers/me/conversations"
const OFFICE = "office@brightside.example"
let admin: string

const inMinutes = (minutes: number) => new Date(Date.now() + minutes * 60_000)
const emailsAbout = (conversationId: string) =>
  sql<Sent>(`select "to", template, status, data from notification where resource_id = $1 and channel = 'email' order by created_at`, [conversationId])
const start = async (customer: Customer, body: Record<string, unknown>) => {
  const response = await api(ME, { token: customer.token, body })
  expect(response.status, JSON.stringify(response.body)).toBe(201)
  return response.body.conversation as { id: string }
}
const staffReply = async (id: string, body: string) =>
  expect((await api(`/admin/conversations/${id}/messages`, { token: admin, body: { body } })).status).toBe(201)
const resend = (path: string, init?: RequestInit) => fetch(`${inject("resendUrl")}${path}`, init)

beforeAll(async () => {
  admin = await adminToken()
})

afterEach(async () => {
  await resend("/_fake/faults", { method: "DELETE" })
})

describe("emails about unread messages", () => {
  it("emails the customer once about staff replies unread for five minutes, with a link to the conversation", async () => {
    const cara = await signUpCustomer({ first_name: "Cara", last_name: "Away" })
    const conversation = await start(cara, { subject_type: "general", body: "When can you come?" })
    // The office email for the customer's message is not this test's business: staff read it.
    expect((await api(`/admin/conversations/${conversation.id}`, { token: admin })).status).toBe(200)
    await staffReply(conversation.id, "Thursday morning works.")
    await staffReply(conversation.id, "Between 9 and 11.")

    await runJob<JobResult>("conversation-emails", inMinutes(2))
    expect(await emailsAbout(conversation.id)).toEqual([])

    const run = await runJob<JobResult>("conversation-emails", inMinutes(6))
    expect(run.customer_emails).toBeGreaterThanOrEqual(1)
    const sent = await emailsAbout(conversation.id)
    expect(sent).toHaveLength(1)
    expect(sent[0]).toMatchObject({ to: cara.email, template: "conversation-message", status: "success" })
    expect(sent[0].data.messages_text).toContain("Thursday morning works.")
    expect(sent[0].data.messages_text).toContain("Between 9 and 11.")
    expect(new URL(sent[0].data.conversation_url).pathname).toBe(`/messages/${conversation.id}`)

    // Once: the next run finds nothing due; a reply the customer reads in time is not emailed.
    await runJob<JobResult>("conversation-emails", inMinutes(8))
    expect(await emailsAbout(conversation.id)).toHaveLength(1)
    await staffReply(conversation.id, "See you then.")
    expect((await api(`${ME}/${conversation.id}`, { token: cara.token })).status).toBe(200)
    await runJob<JobResult>("conversation-emails", inMinutes(12))
    expect(await emailsAbout(conversation.id)).toHaveLength(1)
  })

  it("emails the office, or the assigned staff member, about a customer's unread message, and copies the booking's fieldworker", async () => {
    const dan = await signUpCustomer({ first_name: "Dan", last_name: "Door" })
    const general = await start(dan, { subject_type: "general", body: "Do you do gutters?" })
    await runJob<JobResult>("conversation-emails", inMinutes(6))
    const office = await emailsAbout(general.id)
    expect(office).toHaveLength(1)
    expect(office[0]).toMatchObject({ to: OFFICE, template: "conversation-message-office", status: "success" })
    expect(office[0].data).toMatchObject({ customer_name: "Dan Door", customer_email: dan.email, conversation_title: "General" })
    expect(office[0].data.admin_url).toContain(`/inbox/${general.id}`)

    // Assigned to a staff member: the email goes to them instead.
    const me = (await api("/admin/users/me", { token: admin })).body.user as { id: string; email: string }
    expect((await api(`/admin/conversations/${general.id}/assign`, { token: admin, body: { user_id: me.id } })).status).toBe(200)
    expect((await api(`${ME}/${general.id}/messages`, { token: dan.token, body: { body: "Also the porch roof?" } })).status).toBe(201)
    await runJob<JobResult>("conversation-emails", inMinutes(13))
    expect((await emailsAbout(general.id)).map((email) => email.to)).toEqual([OFFICE, me.email])

    // A booking's conversation: the fieldworker doing the visit is copied.
    const { booking } = await bookSomething(dan.token)
    const fieldworker = await createFieldworker(admin, { name: "Fern Fixer" })
    const given = await api(`/admin/bookings/${booking.id}/fieldworker`, { token: admin, body: { fieldworker_id: fieldworker.id, outside_area: true } })
    expect(given.status, JSON.stringify(given.body)).toBe(200)
    const about = await start(dan, { subject_type: "booking", subject_id: booking.id, body: "The side gate is open." })
    await runJob<JobResult>("conversation-emails", inMinutes(20))
    const copied = await emailsAbout(about.id)
    expect(copied.map((email) => email.to).sort()).toEqual([OFFICE, fieldworker.email].sort())
    expect(copied.every((email) => email.template === "conversation-message-office" && email.status === "success")).toBe(true)
  })

  it("keeps the message when Resend is down and sends the email on a later run", async () => {
    const eli = await signUpCustomer({ first_name: "Eli", last_name: "Outage" })
    const conversation = await start(eli, { subject_type: "general", body: "Hello?" })
    expect((await api(`/admin/conversations/${conversation.id}`, { token: admin })).status).toBe(200)
    const broken = await resend("/_fake/faults", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ to: eli.email, fault: { mode: "error", status: 500 } }),
    })
    expect(broken.status).toBe(200)
    await staffReply(conversation.id, "Sorry for the wait, we are on it.")

    const failed = await runJob<JobResult>("conversation-emails", inMinutes(6))
    expect(failed.failed).toBeGreaterThanOrEqual(1)
    expect((await emailsAbout(conversation.id)).map((email) => email.status)).toEqual(["failure"])
    const [due] = await sql<{ customer_email_due_since: Date | null }>(`select customer_email_due_since from conversation where id = $1`, [conversation.id])
    expect(due.customer_email_due_since).not.toBeNull()
    // The reply stands for the customer (read through the unread count, so the email stays due).
    expect((await api(`${ME}/unread`, { token: eli.token })).body.unread_count).toBe(1)

    await resend("/_fake/faults", { method: "DELETE" })
    const retried = await runJob<JobResult>("conversation-emails", inMinutes(7))
    expect(retried.customer_emails).toBeGreaterThanOrEqual(1)
    await eventually(async () => {
      const statuses = (await emailsAbout(conversation.id)).map((email) => email.status)
      if (!statuses.includes("success")) throw new Error(`not sent yet: ${statuses.join(", ")}`)
    })
    const [after] = await sql<{ customer_email_due_since: Date | null }>(`select customer_email_due_since from conversation where id = $1`, [conversation.id])
    expect(after.customer_email_due_since).toBeNull()
  })
})
