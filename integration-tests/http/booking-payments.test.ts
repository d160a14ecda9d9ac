import { beforeAll, describe, expect, it } from "vitest"
import { adminToken, api, eventually, signUpCustomer } from "../support/api"
import { sql } from "../support/db"
import { saveCard, sendStripeEvent, stripeApi, stripeEvents, stripeRequests, TEST_CARDS } from "../support/stripe"
import { runJob } from "../support/jobs"

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

  it("still books a customer whose payment account was made but never linked (a database outage between Medusa's two steps)", async () => {
    // What the outage leaves: the pay-on-the-day account holder, and no link to the customer.
    const customer = await signUpCustomer({ first_name: "Orla", last_name: "Orphan" })
    const holderId = `acchld_orphan_${customer.customer.id.slice(-10)}`
    await sql("insert into account_holder (id, provider_id, external_id, email) values ($1, 'pp_system_default', $2, $3)", [
      holderId,
      customer.customer.id,
      customer.email,
    ])
    const window = await someWindow(2)
    const response = await book(customer.token, {
      service_id: clean.id,
      variant_id: clean.variants[0].id,
      starts_at: window.starts_at,
      location: { address: bristol },
    })
    expect(response.status, JSON.stringify(response.body)).toBe(201)
    const links = await sql("select account_holder_id from customer_account_holder where customer_id = $1 and deleted_at is null", [customer.customer.id])
    expect(links).toEqual([{ account_holder_id: holderId }])
  })

  it("a new customer's first two bookings sent at once both go through, with one payment account", async () => {
    const customer = await signUpCustomer({ first_name: "Tess", last_name: "Twice" })
    const [first, second] = [await someWindow(3), await someWindow(4)]
    const responses = await Promise.all(
      [first, second].map((window) =>
        book(customer.token, { service_id: clean.id, variant_id: clean.variants[0].id, starts_at: window.starts_at, location: { address: bristol } })
      )
    )
    expect(
      responses.map((response) => response.status),
      JSON.stringify(responses.map((response) => response.body))
    ).toEqual([201, 201])
    const holders = await sql("select account_holder_id from customer_account_holder where customer_id = $1 and deleted_at is null", [customer.customer.id])
    expect(holders).toHaveLength(1)
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

describe("3-D Secure when booking", () => {
  let authCard: string
  beforeAll(async () => {
    authCard = await saveCard(payer.token, TEST_CARDS.needsAuthentication)
  })

  const bookWithCheck = async (offset: number) => {
    const window = await someWindow(offset)
    const response = await book(payer.token, {
      service_id: clean.id,
      variant_id: clean.variants[0].id,
      starts_at: window.starts_at,
      location: { address: bristol },
      saved_card_id: authCard,
    })
    return { window, response }
  }
  const confirm = (token: string, id: string) => api(`/store/customers/me/bookings/${id}/confirm-payment`, { token, body: {} })
  const intentOf = (secret: string) => secret.split("_secret_")[0]
  const bookingRow = async (id: string) =>
    (await sql<{ status: string; order_id: string | null; cart_id: string | null }>(`select status, order_id, cart_id from booking where id = $1`, [id]))[0]
  const ordersOfCart = async (cartId: string) => sql(`select order_id from order_cart where cart_id = $1 and deleted_at is null`, [cartId])
  const confirmationEmails = async (bookingNumber: string) =>
    (
      await sql<{ n: number }>(`select count(*)::int as n from notification where template = 'booking-confirmation' and data->>'booking_number' = $1`, [
        bookingNumber,
      ])
    )[0].n
  const upcoming = async () => (await api("/store/customers/me/bookings?when=upcoming&limit=50", { token: payer.token })).body.bookings as { id: string }[]

  it("holds the booking for the bank's check, then confirms it once after the check passes", async () => {
    const { window, response } = await bookWithCheck(5)
    expect(response.status, JSON.stringify(response.body)).toBe(202)
    const { booking, payment_action } = response.body
    expect(payment_action).toEqual({ status: "requires_action", client_secret: expect.stringMatching(/^pi_.+_secret_/) })
    expect(booking).toMatchObject({ status: "requested", order_id: null, card: { id: authCard, last4: "3184" } })
    // Held: the window is kept, no order, and it isn't among her bookings yet.
    expect(await remaining(window.starts_at)).toBe(window.remaining - 1)
    const held = await bookingRow(booking.id)
    expect(held).toMatchObject({ status: "requested", order_id: null })
    expect(held.cart_id).toBeTruthy()
    expect(await ordersOfCart(held.cart_id!)).toHaveLength(0)
    expect((await upcoming()).map((item) => item.id)).not.toContain(booking.id)

    // Asked before the check: still waiting. Another customer: not found, and nothing changes.
    const early = await confirm(payer.token, booking.id)
    expect(early.status, JSON.stringify(early.body)).toBe(202)
    expect(early.body.payment_action.client_secret).toBe(payment_action.client_secret)
    const foreign = await confirm(stranger.token, booking.id)
    expect(foreign.status).toBe(404)
    expect(JSON.stringify(foreign.body)).not.toContain(booking.booking_number)
    expect(await bookingRow(booking.id)).toMatchObject({ status: "requested", order_id: null })
    // Staff see it as requested and can't mark it confirmed: the bank's answer does that.
    const staffConfirm = await api(`/admin/bookings/${booking.id}/status`, { token: await adminToken(), body: { status: "confirmed" } })
    expect(staffConfirm.status).toBe(400)
    expect(staffConfirm.body.message).toMatch(/waiting for the customer's bank to confirm the card payment/)
    expect(await bookingRow(booking.id)).toMatchObject({ status: "requested", order_id: null })

    // Nor can she change it before it is booked.
    const cancelled = await api(`/store/customers/me/bookings/${booking.id}/cancel`, { token: payer.token, body: {} })
    expect(cancelled.status).toBe(409)
    expect(cancelled.body.message).toMatch(/still waiting for your bank to confirm the card payment/)

    // The bank's check passes in the browser (Stripe.js), then the portal asks twice at once (double click).
    const intent = intentOf(payment_action.client_secret)
    expect((await stripeApi(`/_fake/payment_intents/${intent}/authenticate`, { params: {} })).body.status).toBe("requires_capture")
    const [first, second] = await Promise.all([confirm(payer.token, booking.id), confirm(payer.token, booking.id)])
    for (const answer of [first, second]) {
      expect(answer.status, JSON.stringify(answer.body)).toBe(200)
      expect(answer.body.booking).toMatchObject({ id: booking.id, status: "confirmed", order_id: expect.stringMatching(/^order_/) })
      expect(answer.body.payment_action ?? null).toBeNull()
    }
    expect(second.body.booking.order_id).toBe(first.body.booking.order_id)
    expect(await ordersOfCart(held.cart_id!)).toHaveLength(1)
    const again = await confirm(payer.token, booking.id)
    expect(again.body.booking.order_id).toBe(first.body.booking.order_id)

    // The order's payment is the authorized PaymentIntent; the booking is among her upcoming ones; one confirmation email.
    const { body } = await api(`/admin/orders/${first.body.booking.order_id}?fields=payment_status,*payment_collections.payments`, {
      token: await adminToken(),
    })
    expect(body.order.payment_status).toBe("authorized")
    expect(body.order.payment_collections[0].payments[0].data.id).toBe(intent)
    expect((await upcoming()).map((item) => item.id)).toContain(booking.id)
    await eventually(async () => expect(await confirmationEmails(booking.booking_number)).toBe(1))
    await new Promise((resolve) => setTimeout(resolve, 1500))
    expect(await confirmationEmails(booking.booking_number)).toBe(1)
    expect(await remaining(window.starts_at)).toBe(window.remaining - 1)
  })

  it("a failed bank check: 402 in words, the booking removed, the window given back, the PaymentIntent cancelled", async () => {
    const before = await footprint(payer.customer.id)
    const { window, response } = await bookWithCheck(6)
    expect(response.status, JSON.stringify(response.body)).toBe(202)
    const { booking, payment_action } = response.body
    const intent = intentOf(payment_action.client_secret)
    await stripeApi(`/_fake/payment_intents/${intent}/authenticate`, { params: { result: "fail" } })
    const answer = await confirm(payer.token, booking.id)
    expect(answer.status, JSON.stringify(answer.body)).toBe(402)
    expect(answer.body).toMatchObject({ type: "payment_declined", code: "payment_intent_authentication_failure" })
    expect(answer.body.message).toBe(
      "We are unable to authenticate your payment method. Please choose a different payment method and try again. Nothing was charged and nothing was booked. Choose another card, or pay on the day."
    )
    expect(await bookingRow(booking.id)).toBeUndefined()
    // No booking, no open cart; the address typed while booking stays among her saved locations.
    expect(await footprint(payer.customer.id)).toEqual({ ...before, addresses: before.addresses + 1 })
    expect(await remaining(window.starts_at)).toBe(window.remaining)
    expect((await stripeApi(`/v1/payment_intents/${intent}`)).body.status).toBe("canceled")
    // Asking again: the booking is gone.
    expect((await confirm(payer.token, booking.id)).status).toBe(404)
  })

  it("choosing another way to pay lets the hold go at once; another customer's id is 404", async () => {
    const before = await footprint(payer.customer.id)
    const { window, response } = await bookWithCheck(11)
    expect(response.status, JSON.stringify(response.body)).toBe(202)
    const { booking, payment_action } = response.body
    const release = (token: string) => api(`/store/customers/me/bookings/${booking.id}/release-hold`, { token, body: {} })
    expect((await release(stranger.token)).status).toBe(404)
    expect(await bookingRow(booking.id)).toMatchObject({ status: "requested" })
    const released = await release(payer.token)
    expect(released.status, JSON.stringify(released.body)).toBe(200)
    expect(released.body).toEqual({ booking: null, released: true })
    expect(await bookingRow(booking.id)).toBeUndefined()
    expect(await footprint(payer.customer.id)).toEqual({ ...before, addresses: before.addresses + 1 })
    expect(await remaining(window.starts_at)).toBe(window.remaining)
    expect((await stripeApi(`/v1/payment_intents/${intentOf(payment_action.client_secret)}`)).body.status).toBe("canceled")
    expect((await release(payer.token)).status).toBe(404)
  })

  it("staff cancelling a held booking cancel its PaymentIntent: a bank check passed afterwards holds nothing", async () => {
    const { window, response } = await bookWithCheck(12)
    expect(response.status, JSON.stringify(response.body)).toBe(202)
    const { booking, payment_action } = response.body
    const intent = intentOf(payment_action.client_secret)
    const cancelled = await api(`/admin/bookings/${booking.id}/status`, { token: await adminToken(), body: { status: "cancelled", reason: "Customer rang" } })
    expect(cancelled.status, JSON.stringify(cancelled.body)).toBe(200)
    expect(await bookingRow(booking.id)).toMatchObject({ status: "cancelled", order_id: null })
    expect(await remaining(window.starts_at)).toBe(window.remaining)
    expect((await stripeApi(`/v1/payment_intents/${intent}`)).body.status).toBe("canceled")
    // The customer's bank check comes too late: Stripe refuses it, and asking the portal makes no order.
    expect((await stripeApi(`/_fake/payment_intents/${intent}/authenticate`, { params: {} })).status).toBe(400)
    const late = await confirm(payer.token, booking.id)
    expect(late.body.booking ?? null).toMatchObject({ status: "cancelled", order_id: null })
    expect(await bookingRow(booking.id)).toMatchObject({ status: "cancelled", order_id: null })
  })

  it("Stripe's event completes a held booking whose customer closed the tab, once", async () => {
    const { response } = await bookWithCheck(7)
    expect(response.status, JSON.stringify(response.body)).toBe(202)
    const { booking, payment_action } = response.body
    const intent = intentOf(payment_action.client_secret)
    await stripeApi(`/_fake/payment_intents/${intent}/authenticate`, { params: {} })
    const event = (await stripeEvents("payment_intent.amount_capturable_updated")).find((item) => item.data.object.id === intent)
    expect(event).toBeTruthy()
    // Delivered twice at once, then again as a new event (Stripe's retries).
    const [a, b] = await Promise.all([sendStripeEvent(event), sendStripeEvent({ ...event, id: `${event.id}_again` })])
    expect([a.status, b.status]).toEqual([200, 200])
    expect([a.body.outcome, b.body.outcome]).toContain("booking payment authorized")
    const row = await bookingRow(booking.id)
    expect(row).toMatchObject({ status: "confirmed", order_id: expect.stringMatching(/^order_/) })
    expect(await ordersOfCart(row.cart_id!)).toHaveLength(1)
    // The portal's confirm, arriving late, finds it done.
    const late = await confirm(payer.token, booking.id)
    expect(late.status).toBe(200)
    expect(late.body.booking.order_id).toBe(row.order_id)
    await eventually(async () => expect(await confirmationEmails(booking.booking_number)).toBe(1))
  })

  it("staff booking on the phone still refuse such a card: the customer isn't there to confirm", async () => {
    const before = await footprint(payer.customer.id)
    const window = await someWindow(8)
    const response = await api("/admin/bookings", {
      token: await adminToken(),
      body: {
        customer_id: payer.customer.id,
        service_id: clean.id,
        variant_id: clean.variants[0].id,
        starts_at: window.starts_at,
        location: { address: bristol },
        saved_card_id: authCard,
      },
    })
    expect(response.status, JSON.stringify(response.body)).toBe(402)
    expect(response.body.message).toMatch(/requires authentication\. Nothing was charged and nothing was booked/)
    expect(await footprint(payer.customer.id)).toEqual(before)
    expect(await remaining(window.starts_at)).toBe(window.remaining)
  })

  it("the job lets go of a hold nobody confirmed after 30 minutes, and completes one whose check did pass", async () => {
    const abandoned = await bookWithCheck(9)
    const passed = await bookWithCheck(10)
    expect([abandoned.response.status, passed.response.status]).toEqual([202, 202])
    const abandonedIntent = intentOf(abandoned.response.body.payment_action.client_secret)
    await stripeApi(`/_fake/payment_intents/${intentOf(passed.response.body.payment_action.client_secret)}/authenticate`, { params: {} })
    // Both placed two hours ago; the clock is pinned at one hour ago, so only holds older than 90 minutes (these) are due.
    await sql(`update booking set created_at = now() - interval '2 hours' where id = any($1)`, [
      [abandoned.response.body.booking.id, passed.response.body.booking.id],
    ])
    await runJob("release-held-bookings", new Date(Date.now() - 60 * 60_000))
    expect(await bookingRow(abandoned.response.body.booking.id)).toBeUndefined()
    expect(await remaining(abandoned.window.starts_at)).toBe(abandoned.window.remaining)
    expect((await stripeApi(`/v1/payment_intents/${abandonedIntent}`)).body.status).toBe("canceled")
    expect(await bookingRow(passed.response.body.booking.id)).toMatchObject({ status: "confirmed", order_id: expect.stringMatching(/^order_/) })
  }, 180_000)
})
