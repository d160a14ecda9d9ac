import { beforeAll, describe, expect, it } from "vitest"
import { adminToken, api, signUpCustomer } from "../support/api"
import { sql } from "../support/db"
import { saveCard, stripeApi, stripeRequests, TEST_CARDS } from "../support/stripe"

type Customer = Awaited<ReturnType<typeof signUpCustomer>>
type Window = { starts_at: string; ends_at: string; remaining: number }

const bristol = { address_1: "3 Redland Grove", city: "Bristol", postal_code: "BS6 6PR", country_code: "gb" }

let payer: Customer
let stranger: Customer
let clean: { id: string; variants: { id: string; title: string }[] }

async function freeWindows(): Promise<Window[]> {
  return (await api(`/store/services/regular-home-clean/availability?days=28`)).body.windows
}

/** A window other test files are unlikely to fill while this file runs (they take the first ones). */
async function someWindow(offset: number): Promise<Window> {
  const windows = await freeWindows()
  return windows[Math.min(windows.length - 1, 10 + offset)]
}

async function remaining(startsAt: string) {
  return (await freeWindows()).find((window) => window.starts_at === startsAt)?.remaining ?? 0
}

/** What a failed booking must not leave behind. */
async function footprint(customerId: string) {
  const [row] = await sql(
    `select (select count(*) from booking where customer_id = $1)::int as bookings,
            (select count(*) from customer_address where customer_id = $1 and deleted_at is null)::int as addresses,
            (select count(*) from cart where customer_id = $1 and deleted_at is null and completed_at is null)::int as open_carts`,
    [customerId]
  )
  return row
}

const book = (token: string, body: Record<string, unknown>) => api("/store/customers/me/bookings", { token, body })

/** The PaymentIntents created since `before` requests (for this test's card). */
async function paymentIntentsCreatedSince(before: number) {
  return (await stripeRequests()).slice(before).filter((request) => request.method === "POST" && request.path === "/v1/payment_intents")
}

beforeAll(async () => {
  payer = await signUpCustomer({ first_name: "Petra", last_name: "Payer" })
  stranger = await signUpCustomer({ first_name: "Stan", last_name: "Ranger" })
  clean = (await api("/store/services/regular-home-clean")).body.service
})

describe("booking with a saved card", () => {
  it("authorizes the booking's total on the chosen saved card and keeps the card's summary on the booking", async () => {
    const card = await saveCard(payer.token, TEST_CARDS.visa, { month: 11, year: 2031 })
    const window = await someWindow(0)
    const variant = clean.variants.find((item) => item.title === "3 bedrooms")!
    const response = await book(payer.token, {
      service_id: clean.id,
      variant_id: variant.id,
      starts_at: window.starts_at,
      location: { address: bristol, label: "Home" },
      saved_card_id: card,
    })
    expect(response.status, JSON.stringify(response.body)).toBe(201)
    const booking = response.body.booking
    expect(booking).toMatchObject({ status: "confirmed", card: { id: card, brand: "visa", last4: "4242", exp_month: 11, exp_year: 2031 } })

    // The order's payment is Stripe's, authorized for the order's total and not yet captured.
    const admin = await adminToken()
    const { body } = await api(`/admin/orders/${booking.order_id}?fields=total,payment_status,*payment_collections,*payment_collections.payments`, {
      token: admin,
    })
    expect(body.order.payment_status).toBe("authorized")
    const payment = body.order.payment_collections[0].payments[0]
    expect(payment).toMatchObject({ provider_id: "pp_stripe_stripe", captured_at: null })
    expect(Number(payment.amount)).toBe(Number(body.order.total))

    // In Stripe: a manual-capture PaymentIntent on her card, for her Stripe customer, waiting to be captured.
    const intent = (await stripeApi(`/v1/payment_intents/${payment.data.id}`)).body
    const stripeCustomer = (await stripeApi(`/v1/payment_methods/${card}`)).body.customer
    expect(intent).toMatchObject({
      status: "requires_capture",
      capture_method: "manual",
      payment_method: card,
      customer: stripeCustomer,
      currency: "gbp",
      amount: Math.round(Number(body.order.total) * 100),
      amount_capturable: Math.round(Number(body.order.total) * 100),
      metadata: { booking_number: booking.booking_number, booking_id: booking.id },
    })
    expect(intent.description).toBe(`Booking ${booking.booking_number}: Regular Home Clean`)
  })

  it("pays on the day when no card is chosen", async () => {
    const window = await someWindow(1)
    const response = await book(payer.token, {
      service_id: clean.id,
      variant_id: clean.variants[0].id,
      starts_at: window.starts_at,
      location: { address: bristol },
    })
    expect(response.status, JSON.stringify(response.body)).toBe(201)
    expect(response.body.booking.card).toBeNull()
    const { body } = await api(`/admin/orders/${response.body.booking.order_id}?fields=*payment_collections,*payment_collections.payments`, {
      token: await adminToken(),
    })
    expect(body.order.payment_collections[0].payments[0].provider_id).toBe("pp_system_default")
  })

  it("leaves no booking, no held window and no new location when the card is declined, and cancels the attempt in Stripe", async () => {
    const card = await saveCard(payer.token, TEST_CARDS.declinesCharges)
    const window = await someWindow(2)
    const before = await footprint(payer.customer.id)
    const requestsBefore = (await stripeRequests()).length

    const response = await book(payer.token, {
      service_id: clean.id,
      variant_id: clean.variants[0].id,
      starts_at: window.starts_at,
      location: { address: { ...bristol, address_1: "9 Declined Row" }, label: "Declined" },
      saved_card_id: card,
    })
    expect(response.status, JSON.stringify(response.body)).toBe(402)
    expect(response.body).toMatchObject({ type: "payment_declined", code: "generic_decline" })
    expect(response.body.message).toBe("Your card was declined. Nothing was charged and nothing was booked. Choose another card, or pay on the day.")

    expect(await footprint(payer.customer.id)).toEqual(before)
    expect(await remaining(window.starts_at)).toBe(window.remaining)
    // The declined PaymentIntent was cancelled when the booking was undone.
    const [created] = await paymentIntentsCreatedSince(requestsBefore)
    expect(created.params).toMatchObject({ payment_method: card, confirm: "true", capture_method: "manual" })
    const intents = (await stripeRequests()).slice(requestsBefore).filter((request) => /^\/v1\/payment_intents\/pi_[^/]+\/cancel$/.test(request.path))
    expect(intents).toHaveLength(1)
    const cancelled = (await stripeApi(intents[0].path.replace(/\/cancel$/, ""))).body
    expect(cancelled).toMatchObject({ status: "canceled", payment_method: card, last_payment_error: { decline_code: "generic_decline" } })
  })

  it("refuses a card whose bank wants the customer to confirm the payment (3-D Secure), leaving nothing behind", async () => {
    const card = await saveCard(payer.token, TEST_CARDS.needsAuthentication)
    const window = await someWindow(3)
    const before = await footprint(payer.customer.id)
    const response = await book(payer.token, {
      service_id: clean.id,
      variant_id: clean.variants[0].id,
      starts_at: window.starts_at,
      location: { address: bristol },
      saved_card_id: card,
    })
    expect(response.status, JSON.stringify(response.body)).toBe(402)
    expect(response.body.message).toMatch(/^Your bank wants you to confirm this payment/)
    expect(await footprint(payer.customer.id)).toEqual(before)
    expect(await remaining(window.starts_at)).toBe(window.remaining)
  })

  it("answers 404 for another customer's card: nothing written, no PaymentIntent created", async () => {
    const card = (await api("/store/customers/me/saved-cards", { token: payer.token })).body.default_card_id
    const window = await someWindow(4)
    const before = await footprint(stranger.customer.id)
    const requestsBefore = (await stripeRequests()).length
    const response = await book(stranger.token, {
      service_id: clean.id,
      variant_id: clean.variants[0].id,
      starts_at: window.starts_at,
      location: { address: bristol },
      saved_card_id: card,
    })
    expect(response.status, JSON.stringify(response.body)).toBe(404)
    expect(response.body.message).toBe(`Saved card ${card} was not found`)
    expect(await footprint(stranger.customer.id)).toEqual(before)
    expect(await remaining(window.starts_at)).toBe(window.remaining)
    expect(await paymentIntentsCreatedSince(requestsBefore)).toEqual([])
    // Nor a card id that isn't one at all.
    const bad = await book(stranger.token, {
      service_id: clean.id,
      variant_id: clean.variants[0].id,
      starts_at: window.starts_at,
      location: { address: bristol },
      saved_card_id: "pm card!",
    })
    expect(bad.status).toBe(400)
    expect(bad.body.message).toMatch(/saved_card_id must be the id of one of your saved cards/)
  })
})
