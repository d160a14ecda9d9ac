import { randomUUID } from "node:crypto"
import { describe, expect, inject, it } from "vitest"
import { adminToken, api, signUpCustomer, uniqueEmail } from "../support/api"
import { sql } from "../support/db"

type Provider = "google" | "facebook"
type ProviderUser = { id: string; email?: string; first_name: string; last_name: string; email_verified?: boolean }

async function control(path: string, body: unknown) {
  const response = await fetch(`${inject("oauthUrl")}/__control/${path}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  })
  expect(response.status).toBe(204)
}

/** The browser's trip: Medusa → provider consent → back to the portal's callback with a code. */
async function consent(provider: Provider) {
  const start = await api(`/auth/customer/${provider}`, {
    body: { callback_url: `${inject("portalUrl")}/auth/${provider}/callback` },
  })
  expect(start.status).toBe(200)
  const redirect = await fetch(start.body.location, { redirect: "manual" })
  expect(redirect.status).toBe(302)
  return new URL(redirect.headers.get("location")!)
}

/** What the portal's callback page does with that code; returns the final customer session. */
async function socialLogin(provider: Provider, user: ProviderUser) {
  await control("next-user", { provider, user })
  const back = await consent(provider)
  const callback = await api(`/auth/customer/${provider}/callback?${back.searchParams}`, { body: {} })
  if (callback.status !== 200) return { callback }
  const complete = await api("/store/portal/social/complete", { token: callback.body.token, body: {} })
  if (complete.status !== 200) return { callback, complete }
  const refreshed = await api("/auth/token/refresh", { token: callback.body.token, body: {} })
  const me = await api("/store/customers/me", { token: refreshed.body.token })
  return { callback, complete, token: refreshed.body.token as string, customer: me.body.customer }
}

const newUser = (email = uniqueEmail("social")): ProviderUser => ({
  id: randomUUID().replace(/-/g, "").slice(0, 16),
  email,
  first_name: "Sam",
  last_name: "Rivera",
})

describe("log in with Google and Facebook", () => {
  it("shows both buttons when their keys are configured", async () => {
    const { body } = await api("/store/portal/settings")
    expect(body.portal.sign_in_methods).toEqual({ password: true, google: true, facebook: true, booking_number: true, email_link: true })
  })

  it.each(["google", "facebook"] as const)("%s: the first login creates a verified customer, the next one signs into it", async (provider) => {
    const user = newUser()
    const first = await socialLogin(provider, user)
    expect(first.customer).toMatchObject({ email: user.email, first_name: "Sam", last_name: "Rivera" })
    const profile = await api("/store/customers/me/profile", { token: first.token })
    expect(profile.body.profile.email_verified_at).toBeTruthy()

    const second = await socialLogin(provider, user)
    expect(second.customer.id).toBe(first.customer.id)
    expect(await sql("select 1 from customer where email = $1", [user.email])).toHaveLength(1)
  })

  it("signs a Facebook login into the existing password account with the same email", async () => {
    const existing = await signUpCustomer({ first_name: "Mia", last_name: "Lopez" })
    const viaFacebook = await socialLogin("facebook", { ...newUser(existing.email), first_name: "Mia", last_name: "Lopez" })
    expect(viaFacebook.customer.id).toBe(existing.customer.id)
    const viaGoogle = await socialLogin("google", { ...newUser(existing.email), first_name: "Mia", last_name: "Lopez" })
    expect(viaGoogle.customer.id).toBe(existing.customer.id)
  })

  it("reports a declined consent and an unverified Google email, and creates nobody", async () => {
    await control("deny", { provider: "google" })
    const declined = await consent("google")
    expect(declined.searchParams.get("error")).toBe("access_denied")
    const callback = await api(`/auth/customer/google/callback?${declined.searchParams}`, { body: {} })
    expect(callback.status).toBe(401)

    const unverified = newUser()
    const result = await socialLogin("google", { ...unverified, email_verified: false })
    expect(result.callback.status).toBe(401)
    expect(await sql("select 1 from customer where email = $1", [unverified.email])).toHaveLength(0)
  })

  it("does not let a blocked customer back in through Google", async () => {
    const user = newUser()
    const first = await socialLogin("google", user)
    const admin = await adminToken()
    await api(`/admin/customers/${first.customer.id}/profile`, { token: admin, body: { status: "blocked" } })
    const again = await socialLogin("google", user)
    expect(again.callback.status).toBe(403)
    expect(again.callback.body.code).toBe("account_blocked")
  })

  it("refuses to complete a social login without a social session", async () => {
    expect((await api("/store/portal/social/complete", { body: {} })).status).toBe(401)
    const session = await api("/auth/customer/booking-number", {
      body: { email: "customer@example.com", booking_number: "BK-7F3K-Q9XM-2PWD" },
    })
    const misuse = await api("/store/portal/social/complete", { token: session.body.token, body: {} })
    expect(misuse.status).toBe(401)
  })
})
