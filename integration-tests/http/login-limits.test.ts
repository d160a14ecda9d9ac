import { describe, expect, inject, it } from "vitest"
import { api, randomLoopbackIp, signUpCustomer, uniqueEmail } from "../support/api"
import { portal, portalSignIn } from "../support/portal"

const passwordLogin = (email: string, password: string, fromIp: string, headers?: Record<string, string>) =>
  api("/auth/customer/emailpass", { body: { email, password }, fromIp, headers })

describe("login limits through the portal count the browser, not the portal", () => {
  it("lets the demo customer sign in after 31 strangers' failures from their own addresses", async () => {
    // More failures than one client address may make, and far more than one email may have:
    // counted against the portal's own address they would lock everybody out.
    for (let stranger = 0; stranger < 31; stranger++) {
      const failed = await portalSignIn(uniqueEmail("stranger"), "not-their-password", randomLoopbackIp())
      expect(failed.status).toBe(401)
      expect(failed.html).toContain("Email or password is incorrect.")
    }
    const demo = inject("demo")
    const signedIn = await portalSignIn(demo.customerEmail, demo.customerPassword, randomLoopbackIp())
    expect(signedIn.status).toBe(302)
    expect(signedIn.headers.location).toBe("/account")
    expect(signedIn.cookie).toMatch(/^portal_session=/)
  })

  it("answers the sixth failure for one email with 429 and says on the page how long to wait", async () => {
    const { email, password } = await signUpCustomer({ first_name: "Locked", last_name: "Out" })
    for (let attempt = 0; attempt < 5; attempt++) {
      expect((await portalSignIn(email, `guess-${attempt}`, randomLoopbackIp())).status).toBe(401)
    }
    const limited = await portalSignIn(email, password, randomLoopbackIp())
    expect(limited.status).toBe(429)
    expect(Number(limited.headers["retry-after"])).toBeGreaterThan(800)
    expect(limited.html).toMatch(/Too many failed attempts\. Please wait 1[45] minutes/)
  })

  it("counts the portal's browsers separately: one browser's failures do not stop another's", async () => {
    const noisy = randomLoopbackIp()
    for (let attempt = 0; attempt < 30; attempt++) {
      expect((await portalSignIn(uniqueEmail("noisy"), "wrong", noisy)).status).toBe(401)
    }
    const demo = inject("demo")
    expect((await portalSignIn(demo.customerEmail, demo.customerPassword, noisy)).status).toBe(429)
    expect((await portalSignIn(demo.customerEmail, demo.customerPassword, randomLoopbackIp())).status).toBe(302)
  })
})

describe("login limits straight to the API", () => {
  it("stops the 31st failure from one address whatever the email, and a spoofed forwarding header changes nothing", async () => {
    const ip = randomLoopbackIp()
    for (let attempt = 0; attempt < 30; attempt++) {
      expect((await passwordLogin(uniqueEmail("guess"), "wrong-password", ip)).status).toBe(401)
    }
    const demo = inject("demo")
    const limited = await passwordLogin(demo.customerEmail, demo.customerPassword, ip)
    expect(limited.status).toBe(429)
    expect(limited.body.code).toBe("too_many_attempts")
    expect(limited.body.message).toMatch(/Too many failed attempts\. Please wait 1[45] minutes/)

    // Medusa trusts one proxy hop from anyone; the limits must not.
    const spoofed = await passwordLogin(demo.customerEmail, demo.customerPassword, ip, { "x-forwarded-for": "203.0.113.77" })
    expect(spoofed.status).toBe(429)
    // Nor may a caller claim to be the portal without its secret.
    const forged = await passwordLogin(demo.customerEmail, demo.customerPassword, ip, {
      "x-portal-client-address": "203.0.113.78",
      "x-portal-client-signature": `t=${Math.floor(Date.now() / 1000)},s=${"0".repeat(64)}`,
    })
    expect(forged.status).toBe(429)
    // Another address is not affected.
    expect((await passwordLogin(demo.customerEmail, demo.customerPassword, randomLoopbackIp())).status).toBe(200)
  })

  it("stops a sixth wrong booking number for one email from a 'different' forwarded address", async () => {
    const email = uniqueEmail("bookingguess")
    const ip = randomLoopbackIp()
    for (let attempt = 0; attempt < 5; attempt++) {
      const wrong = await api("/auth/customer/booking-number", { body: { email, booking_number: `BK-0000-0000-000${attempt}` }, fromIp: ip })
      expect(wrong.status).toBe(401)
    }
    const sixth = await api("/auth/customer/booking-number", {
      body: { email, booking_number: "BK-0000-0000-0009" },
      fromIp: ip,
      headers: { "x-forwarded-for": "198.51.100.23" },
    })
    expect(sixth.status).toBe(429)
  })
})

describe("requests that send emails are limited", () => {
  it("sends at most five password-reset emails an hour to one address, whoever asks", async () => {
    const { email } = await signUpCustomer({ first_name: "Flooded", last_name: "Inbox" })
    // The sign-up's confirmation email was the first of the five.
    for (let attempt = 0; attempt < 4; attempt++) {
      const asked = await api("/auth/customer/emailpass/reset-password", { body: { identifier: email }, fromIp: randomLoopbackIp() })
      expect(asked.status).toBe(201)
    }
    const limited = await api("/auth/customer/emailpass/reset-password", { body: { identifier: email }, fromIp: randomLoopbackIp() })
    expect(limited.status).toBe(429)
    expect(limited.body.code).toBe("too_many_emails")
    // The same answer for an address without an account: the limit tells nobody who is a customer.
    const stranger = uniqueEmail("nobody")
    for (let attempt = 0; attempt < 5; attempt++) {
      await api("/auth/customer/emailpass/reset-password", { body: { identifier: stranger }, fromIp: randomLoopbackIp() })
    }
    expect((await api("/auth/customer/emailpass/reset-password", { body: { identifier: stranger } })).status).toBe(429)
  })

  it("stops one client asking for more than 30 emails in 15 minutes, across addresses and kinds", async () => {
    const ip = randomLoopbackIp()
    for (let attempt = 0; attempt < 30; attempt++) {
      const path = attempt % 2 ? "/store/portal/verify-email/resend" : "/store/portal/sign-in-link"
      expect((await api(path, { body: { email: uniqueEmail("spray") }, fromIp: ip })).status).toBe(202)
    }
    const limited = await api("/store/portal/sign-up", {
      body: { first_name: "Spray", last_name: "Er", email: uniqueEmail("spray"), phone: "+44 7700 900000", password: "long-enough-1" },
      fromIp: ip,
    })
    expect(limited.status).toBe(429)
    expect(limited.body.message).toMatch(/Too many emails have been asked for/)
  })

  it("shows the limit on the portal's forgot-password page", async () => {
    const email = uniqueEmail("forgetful")
    for (let attempt = 0; attempt < 5; attempt++) {
      const asked = await portal("/forgot-password", { form: { email } })
      expect(asked.status).toBe(200)
      expect(asked.html).toContain("we&#x27;ve sent a link to reset the password")
    }
    const limited = await portal("/forgot-password", { form: { email } })
    expect(limited.status).toBe(429)
    expect(limited.html).toContain("Too many emails have been asked for")
  })
})
