import { describe, expect, inject, it } from "vitest"
import { randomLoopbackIp, uniqueEmail } from "../support/api"
import { portal, portalSignIn } from "../support/portal"

const portalOrigin = () => `http://127.0.0.1:${new URL(inject("portalUrl")).port}`

describe("portal session cookies", () => {
  it("are HttpOnly and SameSite=Lax, and not Secure over plain HTTP", async () => {
    const demo = inject("demo")
    const signedIn = await portalSignIn(demo.customerEmail, demo.customerPassword)
    const cookie = signedIn.headers["set-cookie"]!.find((line) => line.startsWith("portal_session="))!
    expect(cookie).toMatch(/; HttpOnly/i)
    expect(cookie).toMatch(/; SameSite=Lax/i)
    expect(cookie).not.toMatch(/; Secure/i)
  })

  it("are Secure when the browser reached the portal over HTTPS through its trusted proxy", async () => {
    const demo = inject("demo")
    // The test portal trusts 127.0.0.1 as its load balancer (TRUSTED_PROXIES).
    const viaProxy = await portal("/sign-in", {
      form: { email: demo.customerEmail, password: demo.customerPassword, redirectTo: "" },
      fromIp: "127.0.0.1",
      headers: { "x-forwarded-proto": "https", "x-forwarded-for": randomLoopbackIp(), origin: `https://127.0.0.1:${new URL(inject("portalUrl")).port}` },
    })
    expect(viaProxy.status).toBe(302)
    const cookie = viaProxy.headers["set-cookie"]!.find((line) => line.startsWith("portal_session="))!
    expect(cookie).toMatch(/; Secure/i)
    expect(viaProxy.headers["strict-transport-security"]).toMatch(/max-age=\d+/)
  })

  it("ignores X-Forwarded-Proto from anyone but the trusted proxy", async () => {
    const demo = inject("demo")
    const spoofed = await portal("/sign-in", {
      form: { email: demo.customerEmail, password: demo.customerPassword, redirectTo: "" },
      headers: { "x-forwarded-proto": "https" },
    })
    expect(spoofed.status).toBe(302)
    expect(spoofed.headers["set-cookie"]!.find((line) => line.startsWith("portal_session="))).not.toMatch(/; Secure/i)
  })
})

describe("cross-site request forgery", () => {
  const attempt = (headers: Record<string, string>) => portal("/forgot-password", { form: { email: uniqueEmail("csrf") }, headers })

  it("refuses a form posted from another site, and does nothing", async () => {
    for (const headers of [
      { origin: "https://evil.example" },
      { origin: "null" },
      { "sec-fetch-site": "cross-site", origin: "https://evil.example" },
      { "sec-fetch-site": "same-site", origin: portalOrigin() },
      { origin: "" },
    ]) {
      const refused = await attempt(headers)
      expect(refused.status, JSON.stringify(headers)).toBe(403)
      expect(refused.html).toContain("This form was not accepted")
    }
  })

  it("accepts the portal's own forms", async () => {
    expect((await attempt({ origin: portalOrigin() })).status).toBe(200)
    expect((await attempt({ "sec-fetch-site": "same-origin" })).status).toBe(200)
  })

  it("refuses a cross-site sign-out (a signed-in customer stays signed in)", async () => {
    const demo = inject("demo")
    const signedIn = await portalSignIn(demo.customerEmail, demo.customerPassword)
    const forged = await portal("/sign-out", { form: {}, cookie: signedIn.cookie, headers: { origin: "https://evil.example" } })
    expect(forged.status).toBe(403)
    const account = await portal("/account", { cookie: signedIn.cookie })
    expect(account.status).toBe(200)
  })
})

describe("content security policy", () => {
  it("allows scripts only from the portal with this page's nonce, and Stripe.js", async () => {
    const page = await portal("/sign-in")
    const policy = String(page.headers["content-security-policy"])
    const directives = Object.fromEntries(policy.split(/;\s*/).map((part) => [part.split(" ")[0], part.split(" ").slice(1)]))
    const nonce = /'nonce-([^']+)'/.exec(policy)?.[1]
    expect(nonce).toBeTruthy()
    expect(directives["script-src"]).toEqual(expect.arrayContaining(["'self'", `'nonce-${nonce}'`, new URL(inject("stripe").url).origin]))
    expect(directives["script-src"]).not.toContain("'unsafe-inline'")
    expect(directives["script-src"]).not.toContain("'unsafe-eval'")
    expect(directives["frame-ancestors"]).toEqual(["'none'"])
    expect(directives["object-src"]).toEqual(["'none'"])
    expect(directives["img-src"]).toEqual(expect.arrayContaining(["'self'", "https://tile.openstreetmap.org"]))
    // Every inline script of the page carries the nonce, and a new page gets a new one.
    const scripts = [...page.html.matchAll(/<script\b([^>]*)>/g)].map((match) => match[1])
    expect(scripts.length).toBeGreaterThan(0)
    for (const attributes of scripts) {
      if (!/\bsrc=/.test(attributes)) expect(attributes).toContain(`nonce="${nonce}"`)
    }
    const next = await portal("/sign-in")
    expect(String(next.headers["content-security-policy"])).not.toContain(nonce!)
  })

  it("lets 'Continue with Google' and Facebook post to the providers the API is configured with", async () => {
    const page = await portal("/sign-in")
    const formAction = /form-action ([^;]+)/.exec(String(page.headers["content-security-policy"]))![1].split(" ")
    expect(formAction).toEqual(expect.arrayContaining(["'self'", new URL(inject("oauthUrl")).origin]))
  })

  it("sends the other protective headers", async () => {
    const page = await portal("/")
    expect(page.headers["x-content-type-options"]).toBe("nosniff")
    expect(page.headers["referrer-policy"]).toBe("same-origin")
    expect(page.headers["x-frame-options"]).toBe("DENY")
    expect(page.headers["x-powered-by"]).toBeUndefined()
  })
})
