import { beforeAll, describe, expect, it } from "vitest"
import { adminToken, api, eventually, latestEmail, signUpCustomer, uniqueEmail } from "../support/api"
import { sql } from "../support/db"
import { maskTokens, sentThroughResend } from "../support/sent-emails"

type Customer = Awaited<ReturnType<typeof signUpCustomer>>
type Communication = {
  id: string
  to: string
  from: string
  template: string
  subject: string | null
  status: string
  trigger_type: string | null
  reply_to: string | null
  created_at: string
}

async function externalId(notificationId: string) {
  const [row] = await sql<{ external_id: string; status: string }>(`select external_id, status from notification where id = $1`, [notificationId])
  return row
}

let admin: string
let customer: Customer
let other: Customer

beforeAll(async () => {
  admin = await adminToken()
  customer = await signUpCustomer({ first_name: "Cora", last_name: "Comms" })
  other = await signUpCustomer({ first_name: "Otto", last_name: "Other" })
})

async function log(customerId: string, query = "") {
  const response = await api(`/admin/customers/${customerId}/communications${query}`, { token: admin })
  expect(response.status, JSON.stringify(response.body)).toBe(200)
  return response.body as { communications: Communication[]; count: number; limit: number; offset: number }
}

describe("communication log", () => {
  it("lists the emails sent to the customer with status, template and subject, newest first", async () => {
    // The sign-up's verification email, then staff's confirm-account email.
    const invite = await api(`/admin/customers/${customer.customer.id}/portal-invite`, { token: admin, method: "POST" })
    expect(invite.status, JSON.stringify(invite.body)).toBe(200)
    const { communications, count } = await eventually(async () => {
      const page = await log(customer.customer.id)
      // Sent after the invite is saved: it shows as "sending" until Resend has taken it.
      if (page.count < 2 || page.communications.some((email) => email.status === "sending")) throw new Error("the confirm-account email is not sent yet")
      return page
    })
    expect(count).toBe(2)
    expect(communications.every((email) => email.to === customer.email)).toBe(true)
    expect(communications.map((email) => [email.template, email.subject, email.status, email.from])).toEqual([
      ["confirm-account", "Confirm your Brightside Home Services account", "sent", "Brightside Home Services"],
      ["account-verification", "Confirm your email address", "sent", "Brightside Home Services"],
    ])
    const times = communications.map((email) => new Date(email.created_at).getTime())
    expect([...times].sort((a, b) => b - a)).toEqual(times)
    // Nobody else's emails, and no portal notices (feed).
    expect(communications.some((email) => email.to === other.email)).toBe(false)

    const page = await log(customer.customer.id, "?limit=1&offset=1")
    expect(page).toMatchObject({ count, limit: 1, offset: 1 })
    expect(page.communications[0].id).toBe(communications[1].id)
  })

  it("renders a preview of an email the way the email provider rendered it", async () => {
    const [latest] = (await log(customer.customer.id)).communications
    const response = await api(`/admin/customers/${customer.customer.id}/communications/${latest.id}`, { token: admin })
    expect(response.status, JSON.stringify(response.body)).toBe(200)
    const { communication } = response.body
    expect(communication).toMatchObject({ id: latest.id, template: "confirm-account", preview_error: null })
    expect(communication.preview.subject).toBe("Confirm your Brightside Home Services account")
    expect(communication.preview.html).toContain("Brightside Home Services")
    expect(communication.preview.text).toContain("Hi Cora,")

    // The same email went to Resend when it was sent, but the preview shows its one-time link's token masked.
    const sent = await sentThroughResend((await externalId(latest.id)).external_id)
    expect(sent.subject).toBe(communication.preview.subject)
    expect(sent.html).not.toBe(communication.preview.html)
    expect(maskTokens(sent.html)).toBe(communication.preview.html)
  })

  it("answers 404 for another customer's email and for an unknown one", async () => {
    const [theirs] = (await log(other.customer.id)).communications
    expect(theirs).toBeDefined()
    const crossed = await api(`/admin/customers/${customer.customer.id}/communications/${theirs.id}`, { token: admin })
    expect(crossed.status).toBe(404)
    expect((await api(`/admin/customers/${customer.customer.id}/communications/noti_nothing`, { token: admin })).status).toBe(404)
    expect((await api("/admin/customers/cus_nobody/communications", { token: admin })).status).toBe(404)
    expect((await api(`/admin/customers/${customer.customer.id}/communications`, { token: customer.token })).status).toBe(401)
  })
})

describe("send message", () => {
  it("emails the customer from the staff member's name at the business's address, with replies to the staff member", async () => {
    // A direct message is not marketing: it goes out even with marketing emails off.
    await api(`/admin/customers/${customer.customer.id}/profile`, { token: admin, body: { marketing_emails: false } })
    const response = await api(`/admin/customers/${customer.customer.id}/messages`, {
      token: admin,
      body: { subject: "  Your gutter quote ", body: "Hi again,\n\nThe quote is £120.\nWe can come on Tuesday." },
    })
    expect(response.status, JSON.stringify(response.body)).toBe(201)
    const { communication } = response.body
    expect(communication).toMatchObject({
      to: customer.email,
      template: "staff-message",
      subject: "Your gutter quote",
      status: "sent",
      from: "Sam Okafor (Brightside Home Services)",
      reply_to: "admin@example.com",
      trigger_type: "crm.staff_message",
    })
    expect(communication.preview.text).toContain("The quote is £120.")

    // What went over the wire to Resend.
    const row = await externalId(communication.id)
    expect(row.status).toBe("success")
    const sent = await sentThroughResend(row.external_id)
    expect(sent.from).toBe('"Sam Okafor (Brightside Home Services)" <bookings@brightside.example>')
    expect(sent.reply_to).toEqual(["admin@example.com"])
    expect(sent.to).toEqual([customer.email])
    expect(sent.subject).toBe("Your gutter quote")
    expect(sent.text).toContain("We can come on Tuesday.")
    expect(sent.text).toContain("Reply to this email to answer Sam Okafor directly.")

    // In the log and in the timeline, by the staff member.
    expect((await log(customer.customer.id)).communications[0].id).toBe(communication.id)
    const timeline = (await api(`/admin/customers/${customer.customer.id}/activity?kind=message_sent`, { token: admin })).body.activity
    expect(timeline[0]).toMatchObject({
      message: `Message “Your gutter quote” emailed to ${customer.email}.`,
      actor: { type: "staff", name: "Sam Okafor", email: "admin@example.com" },
      data: { notification_id: communication.id },
    })
    // Not a second "email sent" line for the same email.
    const emails = (await api(`/admin/customers/${customer.customer.id}/activity?kind=email_sent&limit=100`, { token: admin })).body.activity
    expect(emails.some((entry: { data: { notification_id: string } }) => entry.data.notification_id === communication.id)).toBe(false)
  })

  it("refuses bad input with a message, and deleted or unknown customers", async () => {
    const id = customer.customer.id
    for (const [body, message] of [
      [{ body: "Hello" }, /subject/],
      [{ subject: "   ", body: "Hello" }, /subject cannot be empty/],
      [{ subject: "Hi", body: "" }, /body cannot be empty/],
      [{ subject: "Line one\nLine two", body: "Hello" }, /subject must be a single line/],
      [{ subject: "x".repeat(201), body: "Hello" }, /subject must be at most 200 characters/],
      [{ subject: "Hi", body: "x".repeat(10_001) }, /body must be at most 10000 characters/],
      [{ subject: "Hi", body: "Hello", cc: "boss@example.test" }, /cc/],
    ] as const) {
      const response = await api(`/admin/customers/${id}/messages`, { token: admin, body })
      expect(response.status, JSON.stringify(body)).toBe(400)
      expect(response.body.message).toMatch(message)
    }
    expect((await api("/admin/customers/cus_nobody/messages", { token: admin, body: { subject: "Hi", body: "Hello" } })).status).toBe(404)

    const gone = await api("/admin/customers", { token: admin, body: { email: uniqueEmail("gone"), first_name: "Gone" } })
    const goneId = gone.body.customer.id
    expect((await api(`/admin/customers/${goneId}/account`, { token: admin, method: "DELETE" })).status).toBe(200)
    const refused = await api(`/admin/customers/${goneId}/messages`, { token: admin, body: { subject: "Hi", body: "Hello" } })
    expect(refused.status).toBe(400)
    expect(refused.body.message).toMatch(/deleted/)
    const [{ count }] = await sql<{ count: string }>(`select count(*) from notification where receiver_id = $1 and template = 'staff-message'`, [goneId])
    expect(Number(count)).toBe(0)
  })

  it("is for staff only", async () => {
    const response = await api(`/admin/customers/${customer.customer.id}/messages`, { token: customer.token, body: { subject: "Hi", body: "Hello" } })
    expect(response.status).toBe(401)
    // The customer's latest email is still the staff message from the earlier test.
    expect((await latestEmail(customer.email)).template).toBe("staff-message")
  })
})
