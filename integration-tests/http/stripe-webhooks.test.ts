import { beforeAll, describe, expect, it } from "vitest"
import { stripeSignature } from "../fakes/stripe-server"
import { adminToken, api, signUpCustomer } from "../support/api"
import { bookAnyWindow } from "../support/customer-records"
import { sql } from "../support/db"
import { saveCard, sendStripeEvent, stripeApi, stripeEvents, stripeRequests, TEST_CARDS } from "../support/stripe"

/** What was asked of Stripe since `from` about these ids (other test files use the same Stripe meanwhile). */
async function requestsAbout(from: number, ...ids: string[]) {
  return (await stripeRequests()).slice(from).filter((request) => ids.some((id) => JSON.stringify(request).includes(id)))
}

type Customer = Awaited<ReturnType<typeof signUpCustomer>>

let customer: Customer

const eventRow = async (id: string) =>
  (
    await sql<{ deliveries: number; processed_at: Date | null; outcome: string | null }>(
      `select deliveries, processed_at, outcome from stripe_webhook_event where id = $1`,
      [id]
    )
  )[0]

/** The newest event of `type` about the object `objectId`. */
async function eventAbout(type: string, objectId: string) {
  const event = (await stripeEvents(type)).find((item) => item.data.object.id === objectId)
  if (!event) throw new Error(`No ${type} event for ${objectId}`)
  return event
}

beforeAll(async () => {
  customer = await signUpCustomer({ first_name: "Wendy", last_name: "Webhook" })
})

describe("Stripe webhooks", () => {
  it("refuses events whose Stripe-Signature doesn't match, and records nothing", async () => {
    const event = {
      id: `evt_forged_${Date.now()}`,
      object: "event",
      type: "payment_intent.succeeded",
      livemode: false,
      data: { object: { id: "pi_forged", object: "payment_intent", amount: 100, amount_received: 100, currency: "gbp", metadata: { session_id: "payses_x" } } },
    }
    const payload = JSON.stringify(event, null, 2)
    const forgeries = [
      stripeSignature(payload, "whsec_someone_else"),
      // Signed for another body.
      stripeSignature(JSON.stringify({ ...event, id: "evt_other" }, null, 2), "unused").replace(/v1=.*/, `v1=${"0".repeat(64)}`),
      // Signed correctly, but long ago (a replayed capture from last week).
      stripeSignature(payload, (await import("vitest")).inject("stripe").webhookSecret, Math.floor(Date.now() / 1000) - 3600),
      "not a signature",
    ]
    for (const signature of forgeries) {
      const response = await sendStripeEvent(event, { signature })
      expect(response.status, signature).toBe(400)
      expect(response.body.message).toMatch(/Stripe-Signature/)
    }
    const unsigned = await fetch(new URL("/hooks/stripe", (await import("vitest")).inject("backendUrl")), {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: payload,
    })
    expect(unsigned.status).toBe(400)
    expect(await eventRow(event.id)).toBeUndefined()
  })

  it("records a capture made in the Stripe Dashboard on the order, once however often the event arrives", async () => {
    const card = await saveCard(customer.token, TEST_CARDS.visa)
    const service = (await api("/store/services/window-cleaning")).body.service
    const booked = {
      body: await bookAnyWindow(customer.token, "window-cleaning", {
        service_id: service.id,
        variant_id: service.variants[0].id,
        location: { address: { address_1: "1 Hook Lane", city: "Bristol", postal_code: "BS6 5AA", country_code: "gb" } },
        saved_card_id: card,
      }),
    }
    const admin = await adminToken()
    const orderPayment = async () => {
      const { body } = await api(
        `/admin/orders/${booked.body.booking.order_id}?fields=payment_status,*payment_collections,*payment_collections.payments,*payment_collections.payments.captures`,
        { token: admin }
      )
      return { status: body.order.payment_status as string, payment: body.order.payment_collections[0].payments[0] }
    }
    const before = await orderPayment()
    expect(before.status).toBe("authorized")
    const intentId = before.payment.data.id

    // Staff capture the payment in the Stripe Dashboard; Stripe tells us.
    expect((await stripeApi(`/v1/payment_intents/${intentId}/capture`, { params: {} })).body.status).toBe("succeeded")
    const event = await eventAbout("payment_intent.succeeded", intentId)
    const first = await sendStripeEvent(event)
    expect(first.status, JSON.stringify(first.body)).toBe(200)
    expect(first.body).toEqual({ received: true, status: "processed", outcome: "payment captured" })
    const after = await orderPayment()
    expect(after.status).toBe("captured")
    expect(after.payment.captures).toHaveLength(1)
    expect(after.payment.captured_at).not.toBeNull()

    // The same event again (Stripe retries, or someone replays it): recognised, nothing changes.
    const requestsBefore = (await stripeRequests()).length
    const second = await sendStripeEvent(event)
    expect(second.status).toBe(200)
    expect(second.body).toEqual({ received: true, status: "duplicate" })
    const again = await orderPayment()
    expect(again.payment.captures).toHaveLength(1)
    expect(again.payment.captured_at).toBe(after.payment.captured_at)
    expect(await requestsAbout(requestsBefore, intentId)).toEqual([])
    expect(await eventRow(event.id)).toMatchObject({ deliveries: 2, outcome: "payment captured" })
  })

  it("makes a first saved card the Stripe customer's default when Stripe reports it saved, once", async () => {
    const newcomer = await signUpCustomer({ first_name: "Nadia", last_name: "Newcard" })
    const card = await saveCard(newcomer.token, TEST_CARDS.mastercard)
    const stripeCustomer = (await stripeApi(`/v1/payment_methods/${card}`)).body.customer
    expect((await stripeApi(`/v1/customers/${stripeCustomer}`)).body.invoice_settings.default_payment_method).toBeNull()

    const setupIntent = (await stripeEvents("setup_intent.succeeded")).find((item) => item.data.object.payment_method === card)
    const first = await sendStripeEvent(setupIntent)
    expect(first.body).toEqual({ received: true, status: "processed", outcome: "card saved; default set in Stripe" })
    expect((await stripeApi(`/v1/customers/${stripeCustomer}`)).body.invoice_settings.default_payment_method).toBe(card)

    const requestsBefore = (await stripeRequests()).length
    expect((await sendStripeEvent(setupIntent)).body.status).toBe("duplicate")
    expect(await requestsAbout(requestsBefore, card, stripeCustomer)).toEqual([])

    // The portal's list agrees.
    const list = await api("/store/customers/me/saved-cards", { token: newcomer.token })
    expect(list.body.default_card_id).toBe(card)
  })

  it("acknowledges events that aren't about our payments without acting on them", async () => {
    const foreign = {
      id: `evt_foreign_${Date.now()}`,
      object: "event",
      type: "payment_intent.succeeded",
      livemode: false,
      data: { object: { id: "pi_elsewhere", object: "payment_intent", amount: 500, amount_received: 500, currency: "gbp", metadata: {} } },
    }
    const response = await sendStripeEvent(foreign)
    expect(response.body).toEqual({ received: true, status: "processed", outcome: "not a payment made through Medusa" })
    expect(await eventRow(foreign.id)).toMatchObject({ deliveries: 1, outcome: "not a payment made through Medusa" })
  })
})
