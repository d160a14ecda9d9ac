import { describe, expect, it } from "vitest"
import {
  adminToken,
  api,
  demoCustomerToken,
  emailCount,
  eventually,
  latestEmail,
  login,
  randomLoopbackIp,
  signUpCustomer,
  tokenFrom,
  uniqueEmail,
} from "../support/api"
import { sql } from "../support/db"

const signUpBody = (email: string, extra: Record<string, unknown> = {}) => ({
  first_name: "Grace",
  last_name: "Okoro",
  email,
  phone: "+44 7700 900222",
  password: "a-good-password",
  kind: "personal",
  ...extra,
})

const passwordLogin = (email: string, password: string, fromIp?: string) => api("/auth/customer/emailpass", { body: { email, password }, fromIp })

describe("sign-up and email verification", () => {
  it("creates an unverified account that cannot log in until the emailed link is used once", async () => {
    const email = uniqueEmail("grace")
    const signUp = await api("/store/portal/sign-up", { body: signUpBody(email, { kind: "business" }) })
    expect(signUp.status).toBe(201)
    expect(signUp.body).toEqual({ status: "verification_sent", email })

    const early = await passwordLogin(email, "a-good-password")
    expect(early.status).toBe(403)
    expect(early.body.code).toBe("email_not_verified")

    const mail = await latestEmail(email, "account-verification")
    expect(mail.data.verify_url).toMatch(new RegExp(`^${"http://localhost:\\d+"}/verify-email\\?token=`))
    expect(mail.data.expires_in_hours).toBe(24)
    const token = tokenFrom(mail.data.verify_url)
    // Only a hash of the token is stored.
    expect(await sql("select 1 from account_token where token_hash = $1", [token])).toHaveLength(0)

    const verified = await api("/store/portal/verify-email", { body: { token } })
    expect(verified.status).toBe(200)
    expect(verified.body).toMatchObject({ verified: true, email })
    // The link proved the address: the answer carries a working session for this customer.
    const signedIn = await api("/store/customers/me", { token: verified.body.token })
    expect(signedIn.status).toBe(200)
    expect(signedIn.body.customer.email).toBe(email)
    const reused = await api("/store/portal/verify-email", { body: { token } })
    expect(reused.status).toBe(400)
    expect(reused.body.code).toBe("token_used")

    const session = await passwordLogin(email.toUpperCase(), "a-good-password")
    expect(session.status).toBe(200)
    const profile = await api("/store/customers/me/profile", { token: session.body.token })
    expect(profile.body.profile).toMatchObject({ kind: "business", status: "active" })
    expect(profile.body.profile.email_verified_at).toBeTruthy()
  })

  it("refuses an expired link, and a re-sent link replaces the old one", async () => {
    const email = uniqueEmail("expiry")
    await api("/store/portal/sign-up", { body: signUpBody(email) })
    const first = tokenFrom((await latestEmail(email, "account-verification")).data.verify_url)
    await sql("update account_token set expires_at = now() - interval '1 minute' where email = $1", [email])
    const expired = await api("/store/portal/verify-email", { body: { token: first } })
    expect(expired.status).toBe(400)
    expect(expired.body.code).toBe("token_expired")
    expect(expired.body.message).toMatch(/expired/)

    const before = await emailCount(email)
    const resent = await api("/store/portal/verify-email/resend", { body: { email } })
    expect(resent.status).toBe(202)
    // Sent once the request's work is saved, so it may arrive a moment after the answer.
    await eventually(async () => expect(await emailCount(email)).toBe(before + 1))
    const second = tokenFrom((await latestEmail(email, "account-verification")).data.verify_url)
    expect(second).not.toBe(first)
    expect((await api("/store/portal/verify-email", { body: { token: second } })).status).toBe(200)
  })

  it("answers sign-up and resend the same way for an email that already has an account", async () => {
    const demoEmail = "customer@example.com"
    const before = await emailCount(demoEmail)
    const again = await api("/store/portal/sign-up", { body: signUpBody(demoEmail) })
    expect(again.status).toBe(201)
    expect(again.body).toEqual({ status: "verification_sent", email: demoEmail })
    const resend = await api("/store/portal/verify-email/resend", { body: { email: "nobody-here@example.test" } })
    expect(resend.status).toBe(202)
    expect(await sql("select 1 from customer where email = $1 and has_account", [demoEmail])).toHaveLength(1)
    expect(await emailCount(demoEmail)).toBe(before)
    const stillWorks = await passwordLogin(demoEmail, "supersecret")
    expect(stillWorks.status).toBe(200)
  })

  it("rejects bad sign-up input with a readable 400 and writes nothing", async () => {
    const email = uniqueEmail("invalid")
    const cases = [
      [signUpBody("not-an-email"), /email/],
      [signUpBody(email, { password: "short" }), /password/],
      [signUpBody(email, { phone: "call me" }), /phone/],
      [signUpBody(email, { kind: "company" }), /kind/],
      [signUpBody(email, { is_admin: true }), /is_admin/],
      [{ email }, /first_name/],
    ] as const
    for (const [body, message] of cases) {
      const response = await api("/store/portal/sign-up", { body })
      expect(response.status, JSON.stringify(body)).toBe(400)
      expect(response.body.message).toMatch(message)
    }
    expect(await sql("select 1 from customer where email = $1", [email])).toHaveLength(0)
    expect(await sql("select 1 from provider_identity where entity_id = $1", [email])).toHaveLength(0)
    expect((await api("/store/portal/verify-email", { body: { token: "x" } })).status).toBe(400)
  })
})

describe("passwords", () => {
  it("resets a forgotten password with an emailed link that works once", async () => {
    const { email } = await signUpCustomer({ first_name: "Reset", last_name: "Me" })
    const requested = await api("/auth/customer/emailpass/reset-password", { body: { identifier: email } })
    expect(requested.status).toBe(201)
    const mail = await latestEmail(email, "password-reset")
    const url = new URL(mail.data.reset_url)
    expect(url.pathname).toBe("/reset-password")
    expect(url.searchParams.get("email")).toBe(email)
    const token = url.searchParams.get("token")!

    const update = (password: string) => api("/auth/customer/emailpass/update", { body: { email, password }, headers: { authorization: `Bearer ${token}` } })
    expect((await update("brand-new-password")).status).toBe(200)
    expect((await passwordLogin(email, "brand-new-password")).status).toBe(200)
    const reused = await update("another-password")
    expect(reused.status).toBe(401)
    expect(reused.body.code).toBe("token_used")
    expect((await passwordLogin(email, "another-password")).status).toBe(401)
  })

  it("does not reveal whether an email has an account when asked for a reset", async () => {
    const unknown = await api("/auth/customer/emailpass/reset-password", { body: { identifier: "who-is-this@example.test" } })
    expect(unknown.status).toBe(201)
    expect(await emailCount("who-is-this@example.test")).toBe(0)
  })

  it("changes the password from My account only with the current password", async () => {
    const { email, password, token } = await signUpCustomer({ first_name: "Change", last_name: "Pw" })
    const wrong = await api("/store/portal/password", { token, body: { current_password: "not-it", new_password: "next-password-1" } })
    expect(wrong.status).toBe(400)
    expect(wrong.body.code).toBe("wrong_password")
    const tooShort = await api("/store/portal/password", { token, body: { current_password: password, new_password: "short" } })
    expect(tooShort.status).toBe(400)
    expect((await passwordLogin(email, password)).status).toBe(200)

    const changed = await api("/store/portal/password", { token, body: { current_password: password, new_password: "next-password-1" } })
    expect(changed.status).toBe(200)
    expect((await passwordLogin(email, password)).status).toBe(401)
    expect((await passwordLogin(email, "next-password-1")).status).toBe(200)
    expect((await api("/store/portal/password", { body: { current_password: "x", new_password: "next-password-2" } })).status).toBe(401)
  })
})

describe("rate limits", () => {
  it("stops guessing one account's password from many IPs", async () => {
    const { email, password } = await signUpCustomer({ first_name: "Target", last_name: "Account" })
    for (let attempt = 0; attempt < 5; attempt++) {
      expect((await passwordLogin(email, `guess-${attempt}`, randomLoopbackIp())).status).toBe(401)
    }
    const limited = await passwordLogin(email, password, randomLoopbackIp())
    expect(limited.status).toBe(429)
  })

  it("counts wrong booking numbers too", async () => {
    const ip = randomLoopbackIp()
    const email = uniqueEmail("bookingguess")
    for (let attempt = 0; attempt < 5; attempt++) {
      const wrong = await api("/auth/customer/booking-number", {
        body: { email, booking_number: `BK-0000-0000-000${attempt}` },
        fromIp: ip,
      })
      expect(wrong.status).toBe(401)
    }
    const limited = await api("/auth/customer/booking-number", {
      body: { email, booking_number: "BK-4M2T-8HQV-6JRN" },
      fromIp: randomLoopbackIp(),
    })
    expect(limited.status).toBe(429)
    expect(limited.body.code).toBe("too_many_attempts")
  })
})

describe("log in with booking number", () => {
  it("gives a restricted session that sees that email's bookings, then a full account with a password", async () => {
    // Priya booked by phone (seeded guest booking) and has no login yet.
    const wrong = await api("/auth/customer/booking-number", { body: { email: "priya.shah@example.net", booking_number: "BK-7F3K-Q9XM-2PWD" } })
    expect(wrong.status).toBe(401)
    expect(wrong.body.message).toMatch(/email or booking number is incorrect/i)
    const session = await api("/auth/customer/booking-number", {
      body: { email: "Priya.Shah@example.net", booking_number: "bk 4m2t 8hqv 6jrn" },
    })
    expect(session.status).toBe(200)
    const token = session.body.token

    const bookings = await api("/store/portal/booking-session", { token })
    expect(bookings.status).toBe(200)
    expect(bookings.body).toMatchObject({ email: "priya.shah@example.net", has_account: false })
    expect(bookings.body.bookings.map((b: { booking_number: string }) => b.booking_number)).toEqual(["BK-4M2T-8HQV-6JRN"])
    // The restricted session is not a customer session.
    expect((await api("/store/customers/me", { token })).status).toBe(401)
    expect((await api("/store/customers/me/profile", { token })).status).toBe(401)

    const bad = await api("/store/portal/booking-session/account", { token, body: { password: "short", first_name: "Priya", last_name: "Shah" } })
    expect(bad.status).toBe(400)
    const created = await api("/store/portal/booking-session/account", {
      token,
      body: { password: "priya-password-1", first_name: "Priya", last_name: "Shah" },
    })
    expect(created.status).toBe(201)
    const full = await passwordLogin("priya.shah@example.net", "priya-password-1")
    expect(full.status).toBe(200)
    const [claimed] = await sql<{ customer_id: string }>("select customer_id from booking where booking_number = 'BK-4M2T-8HQV-6JRN'")
    const me = await api("/store/customers/me", { token: full.body.token })
    expect(claimed.customer_id).toBe(me.body.customer.id)
    // The office's record of Priya (no login), which held the phone booking, says where it went.
    const [office] = await sql<{ id: string }>("select id from customer where email = 'priya.shah@example.net' and has_account = false")
    const history = await api(`/admin/customers/${office.id}/activity?kind=bookings_claimed`, { token: await adminToken() })
    expect(history.body.activity.map((entry: { message: string }) => entry.message)).toEqual([
      "Bookings made with this email moved to the portal account the customer just created (priya.shah@example.net).",
    ])

    const twice = await api("/store/portal/booking-session/account", {
      token,
      body: { password: "priya-password-2", first_name: "Priya", last_name: "Shah" },
    })
    expect(twice.status).toBe(409)
    expect(twice.body.code).toBe("account_exists")
  })

  it("refuses the booking routes to a normal customer session and to visitors", async () => {
    const token = await demoCustomerToken()
    expect((await api("/store/portal/booking-session", { token })).status).toBe(401)
    expect((await api("/store/portal/booking-session")).status).toBe(401)
  })
})

describe("staff account controls", () => {
  it("blocks a customer: their session stops working and they cannot log in until unblocked", async () => {
    const { customer, email, password, token } = await signUpCustomer({ first_name: "Blocked", last_name: "Person" })
    const admin = await adminToken()
    await api(`/admin/customers/${customer.id}/profile`, { token: admin, body: { status: "blocked" } })

    const me = await api("/store/customers/me", { token })
    expect(me.status).toBe(403)
    expect(me.body.code).toBe("account_blocked")
    expect(me.body.message).toMatch(/on hold/)
    const relogin = await passwordLogin(email, password)
    expect(relogin.status).toBe(403)
    expect(relogin.body.code).toBe("account_blocked")

    await api(`/admin/customers/${customer.id}/profile`, { token: admin, body: { status: "active" } })
    expect((await api("/store/customers/me", { token })).status).toBe(200)
  })

  it("archives and unarchives: login deactivated, data kept", async () => {
    const { customer, email, password } = await signUpCustomer({ first_name: "Archie", last_name: "Ved" })
    const admin = await adminToken()
    await api(`/admin/customers/${customer.id}/profile`, { token: admin, body: { status: "archived" } })
    const refused = await passwordLogin(email, password)
    expect(refused.status).toBe(403)
    expect(refused.body.code).toBe("account_archived")
    expect((await api(`/admin/customers/${customer.id}`, { token: admin })).body.customer.email).toBe(email)
    const listed = async () => (await api(`/admin/customers?q=${encodeURIComponent(email)}`, { token: admin })).body.customers.map((c: { id: string }) => c.id)
    const archivedList = async () => (await api("/admin/portal/archived-customers", { token: admin })).body.customers.map((c: { id: string }) => c.id)
    expect(await listed()).not.toContain(customer.id)
    expect(await archivedList()).toContain(customer.id)
    await api(`/admin/customers/${customer.id}/profile`, { token: admin, body: { status: "active" } })
    expect((await passwordLogin(email, password)).status).toBe(200)
    expect(await listed()).toContain(customer.id)
    expect(await archivedList()).not.toContain(customer.id)
  })

  it("deletes softly: login removed, restorable by staff, then re-invited", async () => {
    const { customer, email, password, token } = await signUpCustomer({ first_name: "Dee", last_name: "Leted" })
    const admin = await adminToken()
    const deleted = await api(`/admin/customers/${customer.id}/account`, { token: admin, method: "DELETE" })
    expect(deleted.status).toBe(200)
    expect(new Date(deleted.body.restorable_until).getTime()).toBeGreaterThan(Date.now() + 29 * 86_400_000)

    expect((await api("/store/customers/me", { token })).status).toBe(401)
    expect((await passwordLogin(email, password)).status).toBe(401)
    const list = await api("/admin/portal/deleted-customers", { token: admin })
    expect(list.body.customers.map((c: { id: string }) => c.id)).toContain(customer.id)

    const restored = await api(`/admin/customers/${customer.id}/restore`, { token: admin, body: {} })
    expect(restored.status).toBe(200)
    expect((await api(`/admin/customers/${customer.id}`, { token: admin })).status).toBe(200)
    const account = await api(`/admin/customers/${customer.id}/account`, { token: admin })
    expect(account.body.account).toMatchObject({ has_login: false })

    const invite = await api(`/admin/customers/${customer.id}/portal-invite`, { token: admin, body: {} })
    expect(invite.status).toBe(200)
    const inviteToken = tokenFrom((await latestEmail(email, "portal-invite")).data.invite_url)
    expect((await api("/store/portal/invite/accept", { body: { token: inviteToken, password: "welcome-back-1" } })).status).toBe(200)
    expect((await passwordLogin(email, "welcome-back-1")).status).toBe(200)

    expect((await api("/admin/customers/cus_nope/restore", { token: admin, body: {} })).status).toBe(404)
  })

  it("invites a customer staff added by phone, who sets a password from the link (once)", async () => {
    const admin = await adminToken()
    const [tom] = await sql<{ id: string }>("select id from customer where email = 'tom.hughes@example.org' and deleted_at is null")
    const before = await api(`/admin/customers/${tom.id}/account`, { token: admin })
    expect(before.body.account).toMatchObject({ has_login: false, last_invite_sent_at: null })

    const sent = await api(`/admin/customers/${tom.id}/portal-invite`, { token: admin, body: {} })
    expect(sent.status).toBe(200)
    expect(sent.body.invite.template).toBe("portal-invite")
    const after = await api(`/admin/customers/${tom.id}/account`, { token: admin })
    expect(after.body.account.last_invite_sent_at).toBeTruthy()

    const mail = await latestEmail("tom.hughes@example.org", "portal-invite")
    const inviteToken = tokenFrom(mail.data.invite_url)
    const short = await api("/store/portal/invite/accept", { body: { token: inviteToken, password: "short" } })
    expect(short.status).toBe(400)
    const accepted = await api("/store/portal/invite/accept", { body: { token: inviteToken, password: "toms-password-1" } })
    expect(accepted.status).toBe(200)
    const session = await passwordLogin("tom.hughes@example.org", "toms-password-1")
    expect(session.status).toBe(200)
    const me = await api("/store/customers/me", { token: session.body.token })
    expect(me.body.customer.id).toBe(tom.id)
    const again = await api("/store/portal/invite/accept", { body: { token: inviteToken, password: "someone-else-1" } })
    expect(again.status).toBe(400)
    expect(again.body.code).toBe("token_used")
  })

  it("keeps customers out of the staff account routes", async () => {
    const { customer, token } = await signUpCustomer({ first_name: "Nosy", last_name: "Parker" })
    expect((await api(`/admin/customers/${customer.id}/account`, { token })).status).toBe(401)
    expect((await api(`/admin/customers/${customer.id}/portal-invite`, { token, body: {} })).status).toBe(401)
    expect((await api(`/admin/customers/${customer.id}/account`, { token, method: "DELETE" })).status).toBe(401)
    expect((await api("/admin/portal/settings", { token, body: { portal_enabled: false } })).status).toBe(401)
  })
})

describe("portal access switch", () => {
  it("closes sign-up and every login with the business's message, and sends no invites, until switched back on", async () => {
    const admin = await adminToken()
    const invalid = await api("/admin/portal/settings", { token: admin, body: { portal_enabled: "no" } })
    expect(invalid.status).toBe(400)
    const message = "We are moving offices; the portal is back on Monday."
    const off = await api("/admin/portal/settings", { token: admin, body: { portal_enabled: false, closed_message: message } })
    expect(off.status).toBe(200)
    try {
      const settings = await api("/store/portal/settings")
      expect(settings.body.portal).toMatchObject({ enabled: false, closed_message: message })
      const signUp = await api("/store/portal/sign-up", { body: signUpBody(uniqueEmail("closed")) })
      expect(signUp.status).toBe(403)
      expect(signUp.body).toMatchObject({ code: "portal_closed", message })
      const signIn = await passwordLogin("customer@example.com", "supersecret")
      expect(signIn.status).toBe(403)
      expect(signIn.body.code).toBe("portal_closed")
      expect((await api("/auth/customer/booking-number", { body: { email: "customer@example.com", booking_number: "BK-7F3K-Q9XM-2PWD" } })).status).toBe(403)

      const [hannah] = await sql<{ id: string }>("select id from customer where email = 'facilities@greenleafdental.co.uk'")
      const before = await emailCount("facilities@greenleafdental.co.uk")
      const invite = await api(`/admin/customers/${hannah.id}/portal-invite`, { token: admin, body: {} })
      expect(invite.status).toBe(400)
      expect(invite.body.message).toBe(message)
      expect(await emailCount("facilities@greenleafdental.co.uk")).toBe(before)
    } finally {
      await api("/admin/portal/settings", { token: admin, body: { portal_enabled: true } })
    }
    expect((await passwordLogin("customer@example.com", "supersecret")).status).toBe(200)
  })
})

describe("the demo logins", () => {
  it("keep working with the seeded passwords", async () => {
    expect(await login("customer", "customer@example.com", "supersecret")).toBeTruthy()
  })
})
