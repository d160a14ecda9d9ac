/**
 * One-time links in emails (issue #13, item 7): what is stored and what staff can see holds each
 * link's token masked, never the token; Resend gets the real link, which works for the customer.
 */
import { beforeAll, describe, expect, it } from "vitest"
import { adminToken, api, eventually, latestEmail, login, randomLoopbackIp, signUpCustomer, tokenFrom, uniqueEmail } from "../support/api"
import { sql } from "../support/db"
import { MASK, maskTokens, sentThroughResend } from "../support/sent-emails"
import { digestTables } from "../support/table-digest"

type Sent = { customerId: string; to: string }
type Kind = { name: string; template: string; field: string; send: () => Promise<Sent> }

let admin: string
beforeAll(async () => {
  admin = await adminToken()
})

async function signedUp(label: string): Promise<Sent & { token: string; password: string }> {
  const { customer, email, token, password } = await signUpCustomer({ first_name: label, last_name: "Links" })
  return { customerId: customer.id, to: email, token, password }
}

async function staffAdded(label: string): Promise<Sent> {
  const to = uniqueEmail(label.toLowerCase())
  const created = await api("/admin/customers", { token: admin, body: { email: to, first_name: label } })
  expect(created.status, JSON.stringify(created.body)).toBe(200)
  return { customerId: created.body.customer.id, to }
}

async function invited(sent: Sent): Promise<Sent> {
  const invite = await api(`/admin/customers/${sent.customerId}/portal-invite`, { token: admin, body: {} })
  expect(invite.status, JSON.stringify(invite.body)).toBe(200)
  return sent
}

const KINDS: Kind[] = [
  {
    name: "the sign-up's email confirmation",
    template: "account-verification",
    field: "verify_url",
    send: async () => {
      const to = uniqueEmail("verify")
      const response = await api("/store/portal/sign-up", {
        body: { first_name: "Vera", last_name: "Links", email: to, phone: "+44 7700 900000", password: "correct-horse-battery", kind: "personal" },
      })
      expect(response.status, JSON.stringify(response.body)).toBe(201)
      const [customer] = await sql<{ id: string }>("select id from customer where email = $1 and deleted_at is null", [to])
      return { customerId: customer.id, to }
    },
  },
  { name: "the portal invite", template: "portal-invite", field: "invite_url", send: async () => invited(await staffAdded("Ivan")) },
  { name: "the confirm-account email", template: "confirm-account", field: "confirm_url", send: async () => invited(await signedUp("Connie")) },
  {
    name: "the password reset",
    template: "password-reset",
    field: "reset_url",
    send: async () => {
      const sent = await signedUp("Reese")
      expect((await api("/auth/customer/emailpass/reset-password", { body: { identifier: sent.to } })).status).toBe(201)
      return sent
    },
  },
  {
    name: "the sign-in link",
    template: "sign-in-link",
    field: "sign_in_url",
    send: async () => {
      const sent = await signedUp("Simon")
      expect((await api("/store/portal/sign-in-link", { body: { email: sent.to }, fromIp: randomLoopbackIp() })).status).toBe(202)
      return sent
    },
  },
  {
    name: "the data export's download link",
    template: "data-export-ready",
    field: "download_url",
    send: async () => {
      const sent = await signedUp("Dora")
      expect((await api("/store/customers/me/data-exports", { token: sent.token, body: {} })).status).toBe(202)
      return sent
    },
  },
]

/** The email as the customer got it (its real link read from the fake Resend), once it is sent. */
const sentEmail = (sent: Sent, template: string) => eventually(() => latestEmail(sent.to, template), 30_000)

describe.each(KINDS)("$name", ({ template, field, send }) => {
  let sent: Sent
  let email: Awaited<ReturnType<typeof latestEmail>>
  let realLink: string
  let token: string

  beforeAll(async () => {
    sent = await send()
    email = await sentEmail(sent, template)
    realLink = email.data[field]
    token = tokenFrom(realLink)
    expect(token.length).toBeGreaterThanOrEqual(32)
  })

  it("is stored with the link's token masked and sealed: no row in the database holds the token", async () => {
    const [row] = await sql<{ data: Record<string, any> }>("select data from notification where id = $1", [email.id])
    expect(row.data[field]).toBe(maskTokens(realLink))
    expect(row.data[field]).toContain(`token=${MASK}`)
    expect(row.data.sealed_links[field]).toMatch(/^v1\.[A-Za-z0-9_-]+$/)
    // Every table: notifications, activity, workflow records, the plugin's own (the scan does find the sealed copy).
    expect(Object.keys(await digestTables({ mentioning: [token] }))).toEqual([])
    expect(Object.keys(await digestTables({ mentioning: [row.data.sealed_links[field]] }))).toContain("notification")
  })

  it("shows staff the link masked: the communication log, its preview, the notification list and the timeline", async () => {
    const base = `/admin/customers/${sent.customerId}`
    const log = await api(`${base}/communications`, { token: admin })
    expect(log.status).toBe(200)
    const entry = (log.body.communications as { id: string }[]).find((communication) => communication.id === email.id)
    expect(entry).toBeDefined()
    const preview = await api(`${base}/communications/${email.id}`, { token: admin })
    expect(preview.status, JSON.stringify(preview.body)).toBe(200)
    expect(preview.body.communication.preview_error).toBeNull()
    expect(preview.body.communication.preview.text).toContain(maskTokens(realLink))
    expect(preview.body.communication.preview.html).toContain(`token=${MASK}`)

    const notifications = await api(`/admin/notifications?to=${encodeURIComponent(sent.to)}&fields=id,data,template`, { token: admin })
    const activity = await api(`${base}/activity`, { token: admin })
    for (const response of [log, preview, notifications, activity]) {
      expect(response.status).toBe(200)
      expect(JSON.stringify(response.body)).not.toContain(token)
    }
  })

  it("went to Resend with the real link", async () => {
    const resent = await sentThroughResend(email.external_id!)
    expect(resent.text).toContain(realLink)
    expect(resent.text).not.toContain(MASK)
  })
})

describe("the real link still works for the customer, the masked one for nobody", () => {
  it("the portal invite: the customer sets a password with the emailed link; the preview's link is refused", async () => {
    const sent = await invited(await staffAdded("Ines"))
    const email = await sentEmail(sent, "portal-invite")
    const masked = await api("/store/portal/invite/accept", { body: { token: tokenFrom(maskTokens(email.data.invite_url)), password: "staff-guess-123" } })
    expect(masked.status).toBe(400)
    const accepted = await api("/store/portal/invite/accept", { body: { token: tokenFrom(email.data.invite_url), password: "ines-password-1" } })
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200)
    expect(await login("customer", sent.to, "ines-password-1")).toBeTruthy()
  })

  it("the password reset: the emailed link sets a new password", async () => {
    const sent = await signedUp("Rita")
    expect((await api("/auth/customer/emailpass/reset-password", { body: { identifier: sent.to } })).status).toBe(201)
    const email = await sentEmail(sent, "password-reset")
    const update = (token: string) =>
      api("/auth/customer/emailpass/update", { body: { email: sent.to, password: "rita-new-password" }, headers: { authorization: `Bearer ${token}` } })
    expect((await update(tokenFrom(email.data.reset_url))).status).toBe(200)
    expect(await login("customer", sent.to, "rita-new-password")).toBeTruthy()
  })

  it("the sign-in link signs the customer in", async () => {
    const sent = await signedUp("Sally")
    expect((await api("/store/portal/sign-in-link", { body: { email: sent.to }, fromIp: randomLoopbackIp() })).status).toBe(202)
    const email = await sentEmail(sent, "sign-in-link")
    const signedIn = await api("/auth/customer/magic-link", { body: { token: tokenFrom(email.data.sign_in_url) }, fromIp: randomLoopbackIp() })
    expect(signedIn.status, JSON.stringify(signedIn.body)).toBe(200)
  })
})
