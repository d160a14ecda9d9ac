import { describe, expect, inject, it } from "vitest"
import { adminToken, api, emailCount, latestEmail, randomLoopbackIp, signUpCustomer, tokenFrom, uniqueEmail } from "../support/api"
import { sql } from "../support/db"
import { portal } from "../support/portal"

const askForLink = (email: string) => api("/store/portal/sign-in-link", { body: { email }, fromIp: randomLoopbackIp() })
const useLink = (token: string, fromIp = randomLoopbackIp()) => api("/auth/customer/magic-link", { body: { token }, fromIp })

async function linkFor(email: string) {
  const asked = await askForLink(email)
  expect(asked.status).toBe(202)
  const mail = await latestEmail(email, "sign-in-link")
  return { url: mail.data.sign_in_url as string, token: tokenFrom(mail.data.sign_in_url) }
}

describe("sign in with an emailed link", () => {
  it("signs the customer in once with the link, which then stops working", async () => {
    const { email, customer } = await signUpCustomer({ first_name: "Linda", last_name: "Link" })
    const { url, token } = await linkFor(email)
    expect(url).toContain(`${inject("portalUrl")}/sign-in-link/continue?token=`)

    const signedIn = await useLink(token)
    expect(signedIn.status).toBe(200)
    const me = await api("/store/customers/me", { token: signedIn.body.token })
    expect(me.body.customer.id).toBe(customer.id)

    const again = await useLink(token)
    expect(again.status).toBe(401)
    expect(again.body.message).toMatch(/already been used/)
  })

  it("stores only a hash of the link, which expires after 15 minutes", async () => {
    const { email } = await signUpCustomer({ first_name: "Ernest", last_name: "Expiry" })
    const { token } = await linkFor(email)
    const stored = await sql<{ entity_id: string; provider_metadata: { expires_at: string } }>(
      `select entity_id, provider_metadata from provider_identity where provider = 'magic-link' and entity_id = encode(sha256($1::bytea), 'hex')`,
      [token]
    )
    expect(stored).toHaveLength(1)
    expect(JSON.stringify(await sql(`select * from provider_identity where provider = 'magic-link'`))).not.toContain(token)
    const minutes = (Date.parse(stored[0].provider_metadata.expires_at) - Date.now()) / 60_000
    expect(minutes).toBeGreaterThan(14)
    expect(minutes).toBeLessThanOrEqual(15)

    await sql(
      `update provider_identity set provider_metadata = jsonb_set(provider_metadata, '{expires_at}', to_jsonb((now() - interval '1 second')::text)) where entity_id = $1`,
      [stored[0].entity_id]
    )
    const expired = await useLink(token)
    expect(expired.status).toBe(401)
    expect(expired.body.message).toMatch(/expired/)
  })

  it("keeps only the newest link working", async () => {
    const { email } = await signUpCustomer({ first_name: "Nora", last_name: "Newest" })
    const first = await linkFor(email)
    await askForLink(email)
    const second = await latestEmail(email, "sign-in-link").then((mail) => tokenFrom(mail.data.sign_in_url))
    expect(second).not.toBe(first.token)
    expect((await useLink(first.token)).status).toBe(401)
    expect((await useLink(second)).status).toBe(200)
  })

  it("lets only one of two simultaneous clicks sign in", async () => {
    const { email } = await signUpCustomer({ first_name: "Dora", last_name: "Double" })
    const { token } = await linkFor(email)
    const answers = await Promise.all([useLink(token), useLink(token), useLink(token)])
    expect(answers.filter((answer) => answer.status === 200)).toHaveLength(1)
  })

  it("answers the same for an email without an account, and sends it nothing", async () => {
    const stranger = uniqueEmail("no.account")
    const asked = await askForLink(stranger)
    expect(asked.status).toBe(202)
    const { body } = await askForLink(inject("demo").customerEmail)
    expect(asked.body).toEqual(body)
    expect(await emailCount(stranger)).toBe(0)
  })

  it("sends an unconfirmed address its confirmation link instead of a sign-in link", async () => {
    const email = uniqueEmail("unconfirmed")
    const signedUp = await api("/store/portal/sign-up", {
      body: { first_name: "Una", last_name: "Confirmed", email, phone: "+44 7700 900000", password: "long-enough-1" },
    })
    expect(signedUp.status).toBe(201)
    const before = await emailCount(email)
    expect((await askForLink(email)).status).toBe(202)
    const mail = await latestEmail(email)
    expect(mail.template).toBe("account-verification")
    expect(await emailCount(email)).toBe(before + 1)
  })

  it("refuses a blocked customer's link with the same words as their password", async () => {
    const { email, password, customer } = await signUpCustomer({ first_name: "Bea", last_name: "Blocked" })
    const admin = await adminToken()
    const { token } = await linkFor(email)
    await api(`/admin/customers/${customer.id}/profile`, { token: admin, body: { status: "blocked" } })
    const byLink = await useLink(token)
    const byPassword = await api("/auth/customer/emailpass", { body: { email, password }, fromIp: randomLoopbackIp() })
    expect(byLink.status).toBe(403)
    expect(byLink.body).toEqual(byPassword.body)
    expect(byLink.body.code).toBe("account_blocked")
  })

  it("limits wrong links per client address like passwords", async () => {
    const ip = randomLoopbackIp()
    for (let attempt = 0; attempt < 30; attempt++) {
      expect((await useLink(`not-a-real-link-token-${attempt}-xxxxxxxx`, ip)).status).toBe(401)
    }
    const limited = await useLink("not-a-real-link-token-31-xxxxxxxxx", ip)
    expect(limited.status).toBe(429)
  })

  it("is offered on the portal's sign-in page and signs in without JavaScript", async () => {
    const signInPage = await portal("/sign-in")
    expect(signInPage.html).toContain('href="/sign-in-link"')
    const { email } = await signUpCustomer({ first_name: "Paula", last_name: "Portal" })

    const asked = await portal("/sign-in-link", { form: { email } })
    expect(asked.status).toBe(200)
    expect(asked.html).toContain("we&#x27;ve emailed it a link to sign in")

    const mail = await latestEmail(email, "sign-in-link")
    const continuePath = new URL(mail.data.sign_in_url).pathname + new URL(mail.data.sign_in_url).search
    // Opening the link (as a mail scanner would) does not use it up.
    const opened = await portal(continuePath)
    expect(opened.status).toBe(200)
    expect(opened.html).toContain("Press the button to finish signing in")

    const used = await portal(continuePath, { form: { token: tokenFrom(mail.data.sign_in_url) } })
    expect(used.status).toBe(302)
    expect(used.headers.location).toBe("/account")
    const account = await portal("/account", { cookie: used.cookie })
    expect(account.status).toBe(200)
    expect(account.html).toContain("Paula")

    const reused = await portal(continuePath, { form: { token: tokenFrom(mail.data.sign_in_url) } })
    expect(reused.status).toBe(401)
    expect(reused.html).toContain("already been used")
  })
})
