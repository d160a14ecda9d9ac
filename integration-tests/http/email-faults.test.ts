/**
 * Resend failing: answering 500 or not answering at all. The test app tries an email 3 times,
 * 200 ms then 800 ms apart, giving each try 2 s (global-setup.ts); production waits longer.
 */
import { afterEach, describe, expect, inject, it } from "vitest"
import { adminToken, api, eventually, latestEmail, signUpCustomer, tokenFrom, uniqueEmail } from "../support/api"
import { sql } from "../support/db"

type Attempt = { to: string[]; at: number; outcome: string; idempotency_key: string | null }

const resend = (path: string, init?: RequestInit) => fetch(`${inject("resendUrl")}${path}`, init)

/** Makes the fake Resend misbehave for one recipient (every try, or the first `times`). */
async function breakResendFor(to: string, fault: { mode: "error"; status: number } | { mode: "hang" }, times?: number) {
  const response = await resend("/_fake/faults", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ to, fault, times }),
  })
  expect(response.status).toBe(200)
}

async function triesFor(to: string): Promise<Attempt[]> {
  return ((await (await resend(`/_fake/attempts?to=${encodeURIComponent(to)}`)).json()) as { attempts: Attempt[] }).attempts
}

/** The customer's communication log entry for a template, once it has settled on a status. */
async function logEntry(customerId: string, template: string, status: "sent" | "failed") {
  const admin = await adminToken()
  return eventually(async () => {
    const { body } = await api(`/admin/customers/${customerId}/communications`, { token: admin })
    const entry = (body.communications as { template: string; status: string }[]).find((email) => email.template === template)
    if (entry?.status !== status) throw new Error(`the ${template} email is ${entry?.status ?? "not there"} yet`)
    return entry
  }, 30_000)
}

afterEach(async () => {
  await resend("/_fake/faults", { method: "DELETE" })
})

describe("Resend not answering during a sign-up", () => {
  it("keeps the account, answers without waiting for the email, marks the email failed after the last try, and a re-sent link works", async () => {
    const email = uniqueEmail("resend-hangs")
    await breakResendFor(email, { mode: "hang" })
    const signedUp = await api("/store/portal/sign-up", {
      body: { first_name: "Hana", last_name: "Hung", email, phone: "+44 7700 900111", password: "correct-horse-battery", kind: "personal" },
    })
    expect(signedUp.status, JSON.stringify(signedUp.body)).toBe(201)
    // The answer came before the email's fate was known: three tries of 2 s each can't have ended yet.
    const [customer] = await sql<{ id: string }>("select id from customer where email = $1 and deleted_at is null", [email])
    expect(customer).toBeDefined()
    const [early] = await sql<{ status: string }>("select status from notification where \"to\" = $1 and template = 'account-verification'", [email])
    expect(early?.status ?? "not created yet").not.toBe("failure")

    // After the last try the staff see it failed; the account and its profile are still there.
    await logEntry(customer.id, "account-verification", "failed")
    expect((await triesFor(email)).map((attempt) => attempt.outcome)).toEqual(["hung", "hung", "hung"])
    const profile = await api(`/admin/customers/${customer.id}/profile`, { token: await adminToken() })
    expect(profile.status, JSON.stringify(profile.body)).toBe(200)

    // Resend is back: the customer asks for the link again and signs in.
    await resend("/_fake/faults", { method: "DELETE" })
    expect((await api("/store/portal/verify-email/resend", { body: { email } })).status).toBe(202)
    await logEntry(customer.id, "account-verification", "sent")
    const link = await latestEmail(email, "account-verification")
    expect((await api("/store/portal/verify-email", { body: { token: tokenFrom(link.data.verify_url) } })).status).toBe(200)
    expect((await api("/auth/customer/emailpass", { body: { email, password: "correct-horse-battery" } })).status).toBe(200)
  })
})

describe("Resend answering 500 during a booking", () => {
  it("tries the confirmation three times with growing waits, shows it failed, and keeps the booking; the office still hears of it", async () => {
    const customer = await signUpCustomer({ first_name: "Ezra", last_name: "Errors" })
    await breakResendFor(customer.email, { mode: "error", status: 500 })
    const service = (await api("/store/services/regular-home-clean")).body.service
    const windows = ((await api("/store/services/regular-home-clean/availability?days=28")).body.windows as { starts_at: string }[]).slice(6, -2)
    let booking: { id: string; booking_number: string; order_id: string } | null = null
    for (const window of windows.sort(() => Math.random() - 0.5)) {
      const placed = await api("/store/customers/me/bookings", {
        token: customer.token,
        body: {
          service_id: service.id,
          variant_id: service.variants[0].id,
          starts_at: window.starts_at,
          location: { address: { address_1: "2 Resend Row", city: "Bristol", postal_code: "BS6 5AB", country_code: "gb" } },
        },
      })
      if (placed.status === 201) {
        booking = placed.body.booking
        break
      }
      expect(placed.status, JSON.stringify(placed.body)).toBe(409)
    }
    if (!booking) throw new Error("no free window")

    await logEntry(customer.customer.id, "booking-confirmation", "failed")
    const tries = (await triesFor(customer.email)).filter((attempt) => attempt.outcome === "failed")
    expect(tries).toHaveLength(3)
    expect(tries[1].at - tries[0].at).toBeGreaterThanOrEqual(190)
    expect(tries[2].at - tries[1].at).toBeGreaterThanOrEqual(790)

    // The booking stands: confirmed, with its order, in the customer's list.
    const mine = await api(`/store/customers/me/bookings/${booking.id}`, { token: customer.token })
    expect(mine.status).toBe(200)
    expect(mine.body.booking.status).toBe("confirmed")
    const [order] = await sql('select id from "order" where id = $1 and deleted_at is null', [booking.order_id])
    expect(order).toBeDefined()
    // The portal notice and the office's email went out as usual.
    const admin = await adminToken()
    await eventually(async () => {
      const { body } = await api(`/admin/notifications?to=office%40brightside.example&channel=email&limit=100&order=-created_at&fields=id,status,data`, {
        token: admin,
      })
      const office = (body.notifications as { status: string; data: { booking_number?: string } }[]).find(
        (n) => n.data.booking_number === booking!.booking_number
      )
      if (office?.status !== "success") throw new Error("no office email yet")
    })
  })
})

describe("Resend failing for a moment", () => {
  it("sends the email on a later try, once, and shows it sent", async () => {
    const email = uniqueEmail("resend-blip")
    const admin = await adminToken()
    const created = await api("/admin/customers", { token: admin, body: { email, first_name: "Bea", last_name: "Blip" } })
    expect(created.status, JSON.stringify(created.body)).toBe(200)
    const tom = created.body.customer as { id: string }
    await breakResendFor(email, { mode: "error", status: 503 }, 2)
    const invited = await api(`/admin/customers/${tom.id}/portal-invite`, { token: admin, body: {} })
    expect(invited.status, JSON.stringify(invited.body)).toBe(200)
    await logEntry(tom.id, "portal-invite", "sent")
    const tries = await triesFor(email)
    expect(tries.map((attempt) => attempt.outcome)).toEqual(["failed", "failed", "sent"])
    // One idempotency key for all three tries, so Resend could never have sent it twice.
    expect(new Set(tries.map((attempt) => attempt.idempotency_key)).size).toBe(1)
  })
})
