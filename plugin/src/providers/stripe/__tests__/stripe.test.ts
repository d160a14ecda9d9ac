import type { MedusaContainer } from "@medusajs/framework/types"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { startFakeStripe, stripeSignature, type FakeStripe } from "../../../../../integration-tests/fakes/stripe-server"
import type { AuthenticatedMedusaRequest } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { customerForCardChange } from "../../../api/admin/customers/[id]/saved-cards/helpers"
import { cardPaymentsConfigured, stripeBrowserSettings } from "../../../utils/saved-cards"
import { PortalStripeProviderService, STRIPE_SIGNATURE_INVALID, type PortalStripeOptions } from "../service"

let fake: FakeStripe

beforeAll(async () => {
  fake = await startFakeStripe()
})
afterAll(async () => {
  await fake?.close()
})

const provider = (options: Partial<PortalStripeOptions> = {}) =>
  new PortalStripeProviderService({}, { apiKey: fake.secretKey, webhookSecret: fake.webhookSecret, apiBaseUrl: fake.url, ...options })

/** Confirms a SetupIntent with a card the way Stripe.js does in the browser (publishable key). */
async function confirmInBrowser(setupIntent: { id: string; client_secret: string }, number: string) {
  const body = new URLSearchParams({
    key: fake.publishableKey,
    client_secret: setupIntent.client_secret,
    "payment_method_data[type]": "card",
    "payment_method_data[card][number]": number,
    "payment_method_data[card][exp_month]": "12",
    "payment_method_data[card][exp_year]": String(new Date().getFullYear() + 2),
    "payment_method_data[card][cvc]": "123",
  })
  const response = await fetch(`${fake.url}/v1/setup_intents/${setupIntent.id}/confirm`, { method: "POST", body })
  return (await response.json()) as { status: string; payment_method: string }
}

const customer = { id: "cus_medusa_1", email: "ana@example.test", first_name: "Ana", last_name: "Lopez", phone: null } as never

describe("Stripe provider with an API base URL", () => {
  it("talks to the configured server with the Stripe SDK the stock provider uses", async () => {
    const stripe = provider()
    const holder = await stripe.createAccountHolder({ context: { customer, idempotency_key: "cus_medusa_1" } } as never)
    expect(holder.id).toMatch(/^cus_/)
    expect(holder.data).toMatchObject({ email: "ana@example.test", name: "Ana Lopez" })
    const requests = (await (await fetch(`${fake.url}/_fake/requests`)).json()).data
    expect(requests.at(-1)).toMatchObject({ method: "POST", path: "/v1/customers", key: "secret", idempotency_key: "cus_medusa_1" })
  })

  it("saves a card through a SetupIntent, sets it as the Stripe customer's default, and charges it", async () => {
    const stripe = provider()
    const holder = await stripe.createAccountHolder({ context: { customer } } as never)
    const account_holder = { data: { id: holder.id } } as never
    const saved = await stripe.savePaymentMethod({ context: { account_holder }, data: { usage: "off_session", payment_method_types: ["card"] } } as never)
    const confirmed = await confirmInBrowser(saved.data as { id: string; client_secret: string }, "4242424242424242")
    expect(confirmed.status).toBe("succeeded")

    const [card] = await stripe.listPaymentMethods({ context: { account_holder } } as never)
    expect(card.id).toBe(confirmed.payment_method)

    const updated = await stripe.updateAccountHolder({ context: { account_holder, default_payment_method_id: card.id } } as never)
    expect(updated.data).toMatchObject({ id: holder.id, invoice_settings: { default_payment_method: card.id } })
    const refreshed = await stripe.updateAccountHolder({ context: { account_holder, refresh: true } } as never)
    expect(refreshed.data).toMatchObject({ invoice_settings: { default_payment_method: card.id } })
    // Without either, as before: nothing to update without the Medusa customer.
    expect(await stripe.updateAccountHolder({ context: { account_holder } } as never)).toEqual({})

    const payment = await stripe.initiatePayment({
      amount: 102,
      currency_code: "gbp",
      data: { session_id: "payses_1", payment_method: card.id, payment_method_types: ["card"], confirm: true },
      context: { account_holder, idempotency_key: "payses_1" },
    } as never)
    expect(payment.status).toBe("authorized")
    expect(payment.data).toMatchObject({ amount: 10200, capture_method: "manual", status: "requires_capture", customer: holder.id })

    // A card that is declined: the session ends in "error" with Stripe's reason.
    const bad = await stripe.savePaymentMethod({ context: { account_holder }, data: { usage: "off_session" } } as never)
    const declining = await confirmInBrowser(bad.data as { id: string; client_secret: string }, "4000000000000341")
    const declined = await stripe.initiatePayment({
      amount: 10,
      currency_code: "gbp",
      data: { session_id: "payses_2", payment_method: declining.payment_method, payment_method_types: ["card"], confirm: true },
      context: { account_holder, idempotency_key: "payses_2" },
    } as never)
    expect(declined.status).toBe("error")
    expect(declined.data).toMatchObject({ last_payment_error: { code: "card_declined", message: "Your card was declined." } })
  })

  it("checks webhook signatures, with a recognisable error for a bad one", async () => {
    const stripe = provider()
    const event = {
      id: "evt_1",
      object: "event",
      type: "payment_intent.succeeded",
      data: { object: { id: "pi_1", amount_received: 500, currency: "gbp", metadata: { session_id: "payses_1" } } },
    }
    const rawData = JSON.stringify(event)
    const good = await stripe.getWebhookActionAndData({ data: event, rawData, headers: { "stripe-signature": stripeSignature(rawData, fake.webhookSecret) } })
    expect(good).toEqual({ action: "captured", data: { session_id: "payses_1", amount: 5 } })

    const forged = stripe.getWebhookActionAndData({ data: event, rawData, headers: { "stripe-signature": stripeSignature(rawData, "whsec_other") } })
    await expect(forged).rejects.toMatchObject({ code: STRIPE_SIGNATURE_INVALID, type: "invalid_data" })
  })

  it("reaches api.stripe.com when no base URL is given, and refuses a base URL that isn't one", () => {
    const stripe = new PortalStripeProviderService({}, { apiKey: "sk_test_x" }) as unknown as { stripe_: { _api: { host: string } } }
    expect(stripe.stripe_._api.host).toBe("api.stripe.com")
    expect(() => PortalStripeProviderService.validateOptions({ apiKey: "sk_test_x", apiBaseUrl: "not a url" })).toThrow(/apiBaseUrl must be a URL/)
  })
})

describe("card payments configured", () => {
  const container = (modules: unknown) => ({ resolve: () => ({ modules }) }) as unknown as MedusaContainer
  it("is on when the payment module has a provider with id stripe", () => {
    expect(cardPaymentsConfigured(container({ payment: { resolve: "@medusajs/medusa/payment", options: { providers: [{ id: "stripe" }] } } }))).toBe(true)
    expect(cardPaymentsConfigured(container([{ key: "payment", options: { providers: [{ id: "stripe" }] } }]))).toBe(true)
  })
  it("is off otherwise (pay on the day)", () => {
    expect(cardPaymentsConfigured(container({ payment: true }))).toBe(false)
    expect(cardPaymentsConfigured(container({}))).toBe(false)
    expect(cardPaymentsConfigured(container({ payment: { options: { providers: [{ id: "paypal" }] } } }))).toBe(false)
  })
})

describe("staff and card payments", () => {
  const scope = (modules: unknown) =>
    ({
      resolve: (key: string) => (key === "customer" ? { retrieveCustomer: async (id: string) => ({ id }) } : { modules }),
    }) as unknown as MedusaContainer
  const withStripe = (options: Record<string, unknown>) => ({ payment: { options: { providers: [{ id: "stripe", options }] } } })

  it("refuses a card change with a sentence staff understand (400) when Stripe isn't configured", async () => {
    const request = { scope: scope({}), params: { id: "cus_1" } } as unknown as AuthenticatedMedusaRequest
    await expect(customerForCardChange(request)).rejects.toMatchObject({
      type: MedusaError.Types.NOT_ALLOWED,
      message: expect.stringMatching(/^Card payments aren't set up for this business/),
    })
    const configured = { scope: scope(withStripe({})), params: { id: "cus_1" } } as unknown as AuthenticatedMedusaRequest
    await expect(customerForCardChange(configured)).resolves.toBe("cus_1")
  })

  it("gives the admin's card form the publishable key and Stripe.js address, never the secret key", () => {
    expect(stripeBrowserSettings(scope({}))).toEqual({ card_payments: false, publishable_key: null, js_url: "https://js.stripe.com/v3/" })
    const settings = stripeBrowserSettings(scope(withStripe({ apiKey: "sk_test_secret", publishableKey: "pk_test_1", jsUrl: "http://127.0.0.1:1/v3/" })))
    expect(settings).toEqual({ card_payments: true, publishable_key: "pk_test_1", js_url: "http://127.0.0.1:1/v3/" })
    expect(JSON.stringify(settings)).not.toContain("sk_test")
  })
})
