import { randomUUID } from "node:crypto"
import { beforeAll, describe, expect, inject, it } from "vitest"
import { adminToken, api, latestEmail, login, randomLoopbackIp, signUpCustomer, tokenFrom, uniqueEmail } from "../support/api"
import { bookSomething } from "../support/customer-records"

/*
 * Issue #21 item 6: every successful portal sign-in is recorded with its method, the admin's
 * "Portal log-ins, last 30 days" chart counts them per day, and the customer page shows the last one.
 * Runs alone (not in setup/alongside.mjs): the chart's totals count every customer's sign-ins.
 */

let admin: string

beforeAll(async () => {
  admin = await adminToken()
})

const chart = async () => {
  const response = await api("/admin/portal/log-ins", { token: admin })
  expect(response.status, JSON.stringify(response.body)).toBe(200)
  return response.body as { days: { date: string; count: number }[]; total: number; customers: number }
}

const lastSignIn = async (customerId: string) => {
  const response = await api(`/admin/customers/${customerId}/account`, { token: admin })
  expect(response.status).toBe(200)
  return response.body.account.last_sign_in as { at: string; method: string } | null
}

/** The Google or Facebook trip through the fake provider, then what the portal's callback page does after it. */
async function socialSignIn(provider: "google" | "facebook", email: string) {
  const user = { id: randomUUID().replace(/-/g, "").slice(0, 16), email, first_name: "Sol", last_name: "Signin" }
  const control = await fetch(`${inject("oauthUrl")}/__control/next-user`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ provider, user }),
  })
  expect(control.status).toBe(204)
  const start = await api(`/auth/customer/${provider}`, { body: { callback_url: `${inject("portalUrl")}/auth/${provider}/callback` } })
  const back = new URL((await fetch(start.body.location, { redirect: "manual" })).headers.get("location")!)
  const callback = await api(`/auth/customer/${provider}/callback?${back.searchParams}`, { body: {} })
  expect(callback.status, JSON.stringify(callback.body)).toBe(200)
  const complete = await api("/store/portal/social/complete", { token: callback.body.token, body: {} })
  expect(complete.status, JSON.stringify(complete.body)).toBe(200)
  return complete.body.customer_id as string
}

describe("portal log-ins", () => {
  it("records the email confirmation and the password sign-in of a new customer", async () => {
    const before = await chart()
    const { customer, email, password } = await signUpCustomer({ first_name: "Lena", last_name: "Login" })
    const after = await chart()
    // The confirm-your-email link signs in, then the password login.
    expect(after.total - before.total).toBe(2)
    expect(after.customers).toBeGreaterThanOrEqual(1)
    expect(await lastSignIn(customer.id)).toMatchObject({ method: "emailpass" })

    // A wrong password is no sign-in.
    expect((await api("/auth/customer/emailpass", { body: { email, password: "not-the-password" }, fromIp: randomLoopbackIp() })).status).toBe(401)
    await login("customer", email, password)
    expect((await chart()).total - after.total).toBe(1)
  })

  it("records a sign-in link and a booking number under the customer they belong to", async () => {
    const { customer, email, token } = await signUpCustomer({ first_name: "Mags", last_name: "Link" })
    expect((await api("/store/portal/sign-in-link", { body: { email }, fromIp: randomLoopbackIp() })).status).toBe(202)
    const link = tokenFrom((await latestEmail(email, "sign-in-link")).data.sign_in_url)
    const before = await chart()
    expect((await api("/auth/customer/magic-link", { body: { token: link }, fromIp: randomLoopbackIp() })).status).toBe(200)
    const viaLink = await lastSignIn(customer.id)
    expect(viaLink?.method).toBe("magic-link")

    const { booking } = await bookSomething(token)
    const session = await api("/auth/customer/booking-number", { body: { email, booking_number: booking.booking_number }, fromIp: randomLoopbackIp() })
    expect(session.status, JSON.stringify(session.body)).toBe(200)
    const viaBooking = await lastSignIn(customer.id)
    expect(viaBooking?.method).toBe("booking-number")
    expect(Date.parse(viaBooking!.at)).toBeGreaterThanOrEqual(Date.parse(viaLink!.at))
    expect((await chart()).total - before.total).toBe(2)
  })

  it.each(["google", "facebook"] as const)("records %s: the first sign-in (which makes the customer) and the next", async (provider) => {
    const email = uniqueEmail(provider)
    const before = await chart()
    const customerId = await socialSignIn(provider, email)
    expect(await lastSignIn(customerId)).toMatchObject({ method: provider })
    expect(await socialSignIn(provider, email)).toBe(customerId)
    // Each sign-in once: the callback's token acts as no customer, the completion counts it.
    expect((await chart()).total - before.total).toBe(2)
  })

  it("charts every day of the last 30, today last, and answers readable 400s", async () => {
    const { days, total } = await chart()
    expect(days).toHaveLength(30)
    expect(days.map((day) => day.date)).toEqual([...days.map((day) => day.date)].sort())
    expect(days.reduce((sum, day) => sum + day.count, 0)).toBe(total)
    const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London" }).format(new Date())
    expect(days[29].date).toBe(today)
    expect(days[29].count).toBeGreaterThan(0)

    const week = await api("/admin/portal/log-ins?days=7", { token: admin })
    expect(week.body.days).toHaveLength(7)
    const bad = await api("/admin/portal/log-ins?days=0", { token: admin })
    expect(bad.status).toBe(400)
    expect(bad.body.message).toMatch(/days/)
    expect((await api("/admin/portal/log-ins")).status).toBe(401)
  })

  it("shows no last sign-in for a customer who never signed in", async () => {
    const created = await api("/admin/customers", { token: admin, body: { email: uniqueEmail("never"), first_name: "Nev", last_name: "Er" } })
    expect(created.status, JSON.stringify(created.body)).toBe(200)
    expect(await lastSignIn(created.body.customer.id)).toBeNull()
  })
})
