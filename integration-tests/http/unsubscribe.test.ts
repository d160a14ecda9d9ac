/**
 * One-click unsubscribe (issue #21 item 3): the signed link of a non-essential email turns that
 * kind of email off without signing in: GET on the portal page asks, POST (the page's button or a
 * mail client's RFC 8058 one-click) does it; a forged link changes nothing.
 */
import { beforeAll, describe, expect, it } from "vitest"
import { adminToken, api, signUpCustomer } from "../support/api"
import { portal } from "../support/portal"
import { unsubscribeSignature } from "../../plugin/src/utils/unsubscribe-signature"

// The test app's JWT secret, which the links' key is made from (global-setup.ts).
const SECRET = "supersecret"
type Kind = "reminders" | "feedback" | "marketing"
const link = (customer: string, kind: Kind, signature = unsubscribeSignature(SECRET, customer, kind)) => ({ customer, kind, signature })
const query = (parts: Record<string, string>) => new URLSearchParams(parts).toString()

let customer: Awaited<ReturnType<typeof signUpCustomer>>
let other: Awaited<ReturnType<typeof signUpCustomer>>

beforeAll(async () => {
  customer = await signUpCustomer({ first_name: "Una", last_name: "Subscribe" })
  other = await signUpCustomer({ first_name: "Otto", last_name: "Other" })
})

async function staffView(customerId: string) {
  const { status, body } = await api(`/admin/customers/${customerId}/profile`, { token: await adminToken() })
  expect(status).toBe(200)
  return body.profile as { reminder_emails: boolean; feedback_emails: boolean; marketing_emails: boolean; activity: { kind: string; message: string }[] }
}

describe("a link that is not ours", () => {
  it("answers 400 with a readable message and changes nothing, whether forged, another customer's or of an unknown kind", async () => {
    const before = await staffView(customer.customer.id)
    const forged = [
      link(customer.customer.id, "reminders", "not-the-signature"),
      link(customer.customer.id, "reminders", unsubscribeSignature(SECRET, other.customer.id, "reminders")),
      link(customer.customer.id, "reminders", unsubscribeSignature(SECRET, customer.customer.id, "marketing")),
      link(customer.customer.id, "reminders", unsubscribeSignature("another-secret", customer.customer.id, "reminders")),
    ]
    for (const parts of forged) {
      const read = await api(`/store/portal/unsubscribe?${query(parts)}`)
      expect(read.status).toBe(400)
      expect(read.body.message).toMatch(/unsubscribe link is not valid/)
      const posted = await api("/store/portal/unsubscribe", { body: parts })
      expect(posted.status).toBe(400)
      expect(posted.body.message).toMatch(/unsubscribe link is not valid/)
    }
    const unknown = await api("/store/portal/unsubscribe", { body: { ...link(customer.customer.id, "reminders"), kind: "everything" } })
    expect(unknown.status).toBe(400)
    expect(unknown.body.message).toMatch(/reminders, feedback, marketing.+kind/)
    const missing = await api("/store/portal/unsubscribe", { body: { customer: customer.customer.id, kind: "reminders" } })
    expect(missing.status).toBe(400)

    // The portal page says so too, without a button.
    const page = await portal(`/unsubscribe?${query(forged[0])}`)
    expect(page.status).toBe(400)
    expect(page.html).toContain("unsubscribe link is not valid")
    expect(page.html).not.toContain('data-testid="unsubscribe-confirm"')
    const pagePost = await portal(`/unsubscribe?${query(forged[1])}`, { form: { "List-Unsubscribe": "One-Click" }, headers: { origin: "" } })
    expect(pagePost.status).toBe(400)

    const after = await staffView(customer.customer.id)
    expect(after.reminder_emails).toBe(true)
    expect(after.activity.filter((line) => line.kind === "email_unsubscribed")).toHaveLength(
      before.activity.filter((line) => line.kind === "email_unsubscribed").length
    )
  })
})

describe("the customer's own link", () => {
  it("GET asks first (API and portal page), changing nothing", async () => {
    const parts = link(customer.customer.id, "reminders")
    const read = await api(`/store/portal/unsubscribe?${query(parts)}`)
    expect(read.status).toBe(200)
    expect(read.body).toEqual({
      kind: "reminders",
      label: "appointment reminders",
      subscribed: true,
      email_hint: expect.stringMatching(/^u•••@example\.test$/),
    })
    const page = await portal(`/unsubscribe?${query(parts)}`)
    expect(page.status).toBe(200)
    expect(page.html).toContain("Stop sending <strong>appointment reminders</strong>")
    expect(page.html).toContain('data-testid="unsubscribe-confirm"')
    expect((await staffView(customer.customer.id)).reminder_emails).toBe(true)
  })

  it("a mail client's one-click POST to the link unsubscribes at once, writes one activity line, and the customer page shows it", async () => {
    const parts = link(customer.customer.id, "reminders")
    // As Gmail and others send it (RFC 8058): from their servers, no Origin, no cookies.
    const oneClick = await portal(`/unsubscribe?${query(parts)}`, { form: { "List-Unsubscribe": "One-Click" }, headers: { origin: "" } })
    expect(oneClick.status).toBe(200)
    expect(oneClick.html).toContain("unsubscribed")

    const staff = await staffView(customer.customer.id)
    expect(staff.reminder_emails).toBe(false)
    expect(staff.feedback_emails).toBe(true)
    const lines = staff.activity.filter((line) => line.kind === "email_unsubscribed")
    expect(lines).toHaveLength(1)
    expect(lines[0].message).toBe("Unsubscribed from appointment reminders with the link in an email.")

    // The customer sees it on their own profile too; a second click changes and writes nothing.
    const own = await api("/store/customers/me/profile", { token: customer.token })
    expect(own.body.profile.reminder_emails).toBe(false)
    const again = await api("/store/portal/unsubscribe", { body: parts })
    expect(again.status).toBe(200)
    expect(again.body.subscribed).toBe(false)
    expect((await staffView(customer.customer.id)).activity.filter((line) => line.kind === "email_unsubscribed")).toHaveLength(1)
    const page = await portal(`/unsubscribe?${query(parts)}`)
    expect(page.html).toContain("are already off")
  })

  it("the page's button works for rating requests, and only that switch changes", async () => {
    const parts = link(other.customer.id, "feedback")
    const pressed = await portal(`/unsubscribe?${query(parts)}`, { form: parts })
    expect(pressed.status).toBe(200)
    expect(pressed.html).toContain("requests to rate a visit")
    const staff = await staffView(other.customer.id)
    expect(staff).toMatchObject({ feedback_emails: false, reminder_emails: true, marketing_emails: false })
    expect(staff.activity.find((line) => line.kind === "email_unsubscribed")?.message).toBe(
      "Unsubscribed from requests to rate a visit with the link in an email."
    )
  })

  it("staff and the customer can turn feedback emails back on through the profile", async () => {
    const staffSaved = await api(`/admin/customers/${other.customer.id}/profile`, { token: await adminToken(), body: { feedback_emails: true } })
    expect(staffSaved.status, JSON.stringify(staffSaved.body)).toBe(200)
    expect(staffSaved.body.profile.feedback_emails).toBe(true)
    const bad = await api("/store/customers/me/profile", { token: other.token, body: { feedback_emails: "yes" } })
    expect(bad.status).toBe(400)
    expect(bad.body.message).toMatch(/boolean.+feedback_emails/)
  })
})
