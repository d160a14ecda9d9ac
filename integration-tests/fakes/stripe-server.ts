/**
 * A local stand-in for Stripe's HTTP API (https://docs.stripe.com/api), speaking its wire format
 * so the real `stripe` SDK (inside Medusa's Stripe provider) can be pointed at it: form-encoded
 * requests with bracketed keys, `Authorization: Bearer sk_…`, JSON answers, Stripe's error body
 * `{ error: { type, code, decline_code, message, param, payment_intent | setup_intent } }`,
 * `Idempotency-Key` replay, `expand[]`, and events signed the way Stripe signs webhooks
 * (`Stripe-Signature: t=<unix>,v1=<HMAC-SHA256(secret, "<t>.<payload>")>`).
 *
 *   customers          POST /v1/customers, GET|POST|DELETE /v1/customers/:id, GET /v1/customers/:id/payment_methods
 *   payment methods    POST /v1/payment_methods (publishable key), GET /v1/payment_methods/:id, POST …/attach, …/detach
 *   setup intents      POST /v1/setup_intents, GET /v1/setup_intents/:id, POST …/confirm (publishable key + client_secret), …/cancel
 *   payment intents    POST /v1/payment_intents, GET|POST /v1/payment_intents/:id, POST …/confirm, …/capture, …/cancel
 *   refunds            POST /v1/refunds
 *   events             GET /v1/events (?type=), GET /v1/events/:id
 *   Stripe.js          GET /v3/  a test-mode stand-in for https://js.stripe.com/v3/ (see STRIPE_JS below)
 *   test controls      GET /_fake/requests (what the API was asked, card numbers masked),
 *                      POST /_fake/setup_intents/:id/authenticate (the customer passes 3-D Secure),
 *                      POST /_fake/payment_intents/:id/authenticate (passes it, or `result=fail`),
 *                      POST|DELETE /_fake/outages (requests to one method and path answer 500 `times` times)
 *
 * Test cards (https://docs.stripe.com/testing), any future expiry and any CVC:
 *   4242 4242 4242 4242 Visa · 5555 5555 5555 4444 Mastercard · 3782 822463 10005 American Express
 *   4000 0000 0000 0341  saves fine, every charge is declined (card_declined)
 *   4000 0000 0000 9995  declined, insufficient funds (also when saving)
 *   4000 0000 0000 0002  always declined (also when saving)
 *   4000 0027 6000 3184  always asks for 3-D Secure (requires_action)
 * As on Stripe, raw card numbers are accepted only with the publishable key (from Stripe.js),
 * never with the secret key.
 *
 * Only node:http and node:crypto, so it runs anywhere the tests run.
 */
import { createHash, createHmac, randomBytes } from "node:crypto"
import { createServer, type IncomingMessage, type ServerResponse } from "node:http"
import type { AddressInfo } from "node:net"

export type FakeStripeOptions = { secretKey?: string; publishableKey?: string; webhookSecret?: string }

export type FakeStripe = {
  url: string
  secretKey: string
  publishableKey: string
  webhookSecret: string
  /** The Stripe.js stand-in, for the portal's STRIPE_JS_URL. */
  jsUrl: string
  close(): Promise<void>
}

/** One call the API received, as /_fake/requests lists it. */
export type RecordedRequest = {
  at: number
  method: string
  path: string
  /** Parameters as received, card numbers and CVCs masked. */
  params: Record<string, unknown>
  key: "secret" | "publishable" | "none"
  idempotency_key: string | null
  status: number
}

type Json = Record<string, any>

type CardBehaviour = "ok" | "decline_charges" | "insufficient_funds" | "decline" | "authenticate"

const TEST_CARDS: Record<string, { brand: string; behaviour: CardBehaviour; funding?: string }> = {
  "4242424242424242": { brand: "visa", behaviour: "ok" },
  "4000056655665556": { brand: "visa", behaviour: "ok", funding: "debit" },
  "5555555555554444": { brand: "mastercard", behaviour: "ok" },
  "378282246310005": { brand: "amex", behaviour: "ok" },
  "4000000000000341": { brand: "visa", behaviour: "decline_charges" },
  "4000000000009995": { brand: "visa", behaviour: "insufficient_funds" },
  "4000000000000002": { brand: "visa", behaviour: "decline" },
  "4000002760003184": { brand: "visa", behaviour: "authenticate" },
}

/** Stripe's test PaymentMethod tokens (`pm_card_visa`…): attaching one attaches a fresh copy. */
const TEST_TOKENS: Record<string, string> = {
  pm_card_visa: "4242424242424242",
  pm_card_mastercard: "5555555555554444",
  pm_card_amex: "378282246310005",
  pm_card_chargeCustomerFail: "4000000000000341",
  pm_card_visa_chargeDeclined: "4000000000000002",
  pm_card_authenticationRequired: "4000002760003184",
}

const API_VERSION = "2024-04-10"
const MAX_BODY_BYTES = 256 * 1024

const newId = (prefix: string) => `${prefix}_${randomBytes(12).toString("base64url").replace(/[-_]/g, "x")}`
const now = () => Math.floor(Date.now() / 1000)

class StripeError extends Error {
  constructor(
    readonly status: number,
    readonly error: Json
  ) {
    super(String(error.message))
  }
}

const invalid = (message: string, param?: string, code?: string) =>
  new StripeError(400, { type: "invalid_request_error", message, ...(param ? { param } : {}), ...(code ? { code } : {}) })
const noSuch = (kind: string, id: string, param?: string) =>
  new StripeError(404, { type: "invalid_request_error", code: "resource_missing", message: `No such ${kind}: '${id}'`, ...(param ? { param } : {}) })

/** Stripe's form encoding: `a[b][0]=x` → { a: { b: ["x"] } }. */
export function parseStripeForm(text: string): Json {
  const root: Json = {}
  for (const [rawKey, value] of new URLSearchParams(text)) {
    const parts = rawKey.match(/^[^[\]]+|\[[^[\]]*\]/g)?.map((part) => part.replace(/^\[|\]$/g, "")) ?? [rawKey]
    let node: Json = root
    parts.forEach((part, index) => {
      const key = part === "" ? String(Object.keys(node).length) : part
      if (index === parts.length - 1) node[key] = value
      else node = node[key] = node[key] && typeof node[key] === "object" ? node[key] : {}
    })
  }
  const arrays = (value: unknown): unknown => {
    if (!value || typeof value !== "object") return value
    const entries = Object.entries(value as Json).map(([key, inner]) => [key, arrays(inner)] as const)
    if (entries.length && entries.every(([key]) => /^\d+$/.test(key))) {
      return entries.sort(([a], [b]) => Number(a) - Number(b)).map(([, inner]) => inner)
    }
    return Object.fromEntries(entries)
  }
  return arrays(root) as Json
}

/** The `Stripe-Signature` header Stripe sends with `payload` (the exact bytes of the request body). */
export function stripeSignature(payload: string, secret: string, timestamp = now()): string {
  const signature = createHmac("sha256", secret).update(`${timestamp}.${payload}`, "utf8").digest("hex")
  return `t=${timestamp},v1=${signature}`
}

/**
 * Sends `event` to a webhook endpoint the way Stripe does (POST, JSON, signed with `secret`).
 * `signature` replaces the header (e.g. a forged one).
 */
export async function deliverStripeEvent(url: string, event: Json, secret: string, options: { signature?: string } = {}) {
  const payload = JSON.stringify(event, null, 2)
  const response = await fetch(url, {
    method: "POST",
    headers: {
      "content-type": "application/json; charset=utf-8",
      "user-agent": "Stripe/1.0 (+https://stripe.com/docs/webhooks)",
      "stripe-signature": options.signature ?? stripeSignature(payload, secret),
    },
    body: payload,
  })
  const text = await response.text()
  let body: unknown = text
  try {
    body = JSON.parse(text)
  } catch {}
  return { status: response.status, body: body as any }
}

const luhn = (number: string) => {
  let sum = 0
  for (let i = 0; i < number.length; i++) {
    let digit = Number(number[number.length - 1 - i])
    if (i % 2 === 1) {
      digit *= 2
      if (digit > 9) digit -= 9
    }
    sum += digit
  }
  return sum % 10 === 0
}

const brandOf = (number: string) => (/^4/.test(number) ? "visa" : /^(5[1-5]|2[2-7])/.test(number) ? "mastercard" : /^3[47]/.test(number) ? "amex" : "unknown")

const DECLINES: Record<Exclude<CardBehaviour, "ok" | "authenticate">, { code: string; decline_code: string; message: string }> = {
  decline_charges: { code: "card_declined", decline_code: "generic_decline", message: "Your card was declined." },
  decline: { code: "card_declined", decline_code: "generic_decline", message: "Your card was declined." },
  insufficient_funds: { code: "card_declined", decline_code: "insufficient_funds", message: "Your card has insufficient funds." },
}

const mask = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(mask)
  if (!value || typeof value !== "object") return value
  return Object.fromEntries(
    Object.entries(value as Json).map(([key, inner]) => {
      if (key === "number" && typeof inner === "string") return [key, `•••• ${inner.slice(-4)}`]
      if (key === "cvc") return [key, "•••"]
      return [key, mask(inner)]
    })
  )
}

export async function startFakeStripe(options: FakeStripeOptions = {}): Promise<FakeStripe> {
  const secretKey = options.secretKey ?? `sk_test_fake_${randomBytes(8).toString("hex")}`
  const publishableKey = options.publishableKey ?? `pk_test_fake_${randomBytes(8).toString("hex")}`
  const webhookSecret = options.webhookSecret ?? `whsec_${randomBytes(16).toString("hex")}`

  const customers = new Map<string, Json>()
  /** Planned outages (a test control): a request to `method` `path` answers 500 while `times` lasts. */
  const outages: { method: string; path: string; times: number }[] = []
  const paymentMethods = new Map<string, Json>()
  /** What each card does, kept apart from the PaymentMethod (Stripe never shows the number again). */
  const behaviours = new Map<string, CardBehaviour>()
  const setupIntents = new Map<string, Json>()
  const paymentIntents = new Map<string, Json>()
  const refunds = new Map<string, Json>()
  const events: Json[] = []
  const requests: RecordedRequest[] = []
  const idempotent = new Map<string, { fingerprint: string; status: number; body: Json }>()

  const emit = (type: string, object: Json, previous?: Json) => {
    events.push({
      id: newId("evt"),
      object: "event",
      api_version: API_VERSION,
      created: now(),
      data: { object: structuredClone(object), ...(previous ? { previous_attributes: previous } : {}) },
      livemode: false,
      pending_webhooks: 1,
      request: { id: null, idempotency_key: null },
      type,
    })
  }

  /* ---------------------------- objects ---------------------------- */

  const customerOf = (id: string, param?: string) => {
    const customer = customers.get(id)
    if (!customer || customer.deleted) throw noSuch("customer", id, param)
    return customer
  }
  const methodOf = (id: string, param?: string) => {
    const method = paymentMethods.get(id)
    if (!method) throw noSuch("PaymentMethod", id, param)
    return method
  }

  function createCard(card: Json | undefined, billing: Json | undefined, param: string): Json {
    const number = String(card?.number ?? "").replace(/[\s-]/g, "")
    if (!number) throw invalid("You must provide a card number.", `${param}[number]`, "parameter_missing")
    const cardError = (code: string, message: string, field: string) => new StripeError(402, { type: "card_error", code, message, param: field })
    if (!/^\d{12,19}$/.test(number) || !luhn(number)) throw cardError("incorrect_number", "Your card number is incorrect.", "number")
    const month = Number(card?.exp_month)
    let year = Number(card?.exp_year)
    if (year < 100) year += 2000
    if (!Number.isInteger(month) || month < 1 || month > 12) throw cardError("invalid_expiry_month", "Your card's expiration month is invalid.", "exp_month")
    const today = new Date()
    if (!Number.isInteger(year) || year < today.getUTCFullYear() || (year === today.getUTCFullYear() && month < today.getUTCMonth() + 1)) {
      throw cardError("invalid_expiry_year", "Your card's expiration year is in the past.", "exp_year")
    }
    if (card?.cvc !== undefined && !/^\d{3,4}$/.test(String(card.cvc))) throw cardError("invalid_cvc", "Your card's security code is invalid.", "cvc")
    const known = TEST_CARDS[number]
    const method: Json = {
      id: newId("pm"),
      object: "payment_method",
      allow_redisplay: "unspecified",
      billing_details: {
        address: { city: null, country: null, line1: null, line2: null, postal_code: null, state: null, ...(billing?.address ?? {}) },
        email: billing?.email ?? null,
        name: billing?.name ?? null,
        phone: billing?.phone ?? null,
      },
      card: {
        brand: known?.brand ?? brandOf(number),
        checks: { address_line1_check: null, address_postal_code_check: null, cvc_check: card?.cvc ? "pass" : null },
        country: "US",
        display_brand: known?.brand ?? brandOf(number),
        exp_month: month,
        exp_year: year,
        fingerprint: createHash("sha256").update(number).digest("base64url").slice(0, 16),
        funding: known?.funding ?? "credit",
        last4: number.slice(-4),
        networks: { available: [known?.brand ?? brandOf(number)], preferred: null },
        three_d_secure_usage: { supported: true },
        wallet: null,
      },
      created: now(),
      customer: null,
      livemode: false,
      metadata: {},
      type: "card",
    }
    paymentMethods.set(method.id, method)
    behaviours.set(method.id, known?.behaviour ?? "ok")
    return method
  }

  function attach(method: Json, customerId: string) {
    if (method.customer && method.customer !== customerId) {
      throw invalid("The payment method you provided has already been attached to a customer.", "payment_method")
    }
    if (method.customer === customerId) return method
    const behaviour = behaviours.get(method.id)
    if (behaviour === "decline" || behaviour === "insufficient_funds") {
      throw new StripeError(402, { type: "card_error", ...DECLINES[behaviour], param: "" })
    }
    method.customer = customerId
    emit("payment_method.attached", method)
    return method
  }

  function detach(method: Json) {
    if (!method.customer) {
      throw invalid("The payment method you provided is not attached to a customer so detachment is impossible.", "payment_method")
    }
    const customer = customers.get(method.customer)
    method.customer = null
    emit("payment_method.detached", method, { customer: customer?.id ?? null })
    if (customer?.invoice_settings?.default_payment_method === method.id) {
      customer.invoice_settings.default_payment_method = null
      emit("customer.updated", customer, { invoice_settings: { default_payment_method: method.id } })
    }
    return method
  }

  /** Test tokens become a fresh card; anything else must exist. */
  function resolveMethod(id: string, param: string) {
    if (TEST_TOKENS[id]) return createCard({ number: TEST_TOKENS[id], exp_month: 12, exp_year: new Date().getUTCFullYear() + 3 }, undefined, param)
    return methodOf(id, param)
  }

  const expand = (object: Json, fields: unknown): Json => {
    const copy = structuredClone(object)
    for (const field of Array.isArray(fields) ? fields : []) {
      const [head, ...rest] = String(field).split(".")
      const target = rest.length ? copy[head] : copy
      const key = rest.length ? rest.join(".") : head
      if (!target || typeof target[key] !== "string") continue
      const id: string = target[key]
      const found = paymentMethods.get(id) ?? customers.get(id) ?? paymentIntents.get(id) ?? setupIntents.get(id)
      if (found) target[key] = structuredClone(found)
    }
    return copy
  }

  /* ------------------------- setup intents ------------------------- */

  function confirmSetup(intent: Json, params: Json, key: RecordedRequest["key"]) {
    if (!["requires_payment_method", "requires_confirmation"].includes(intent.status)) {
      throw new StripeError(400, {
        type: "invalid_request_error",
        code: "setup_intent_unexpected_state",
        message: `You cannot confirm this SetupIntent because it has a status of ${intent.status}.`,
        setup_intent: intent,
      })
    }
    let method: Json
    try {
      if (params.payment_method_data) {
        if (key !== "publishable") {
          throw invalid(
            "Sending credit card numbers directly to the Stripe API is generally unsafe. To continue processing use Stripe.js, the Stripe mobile bindings, or Stripe Elements.",
            "payment_method_data[card][number]"
          )
        }
        if (params.payment_method_data.type !== "card") throw invalid("Only card payment methods are supported here.", "payment_method_data[type]")
        method = createCard(params.payment_method_data.card, params.payment_method_data.billing_details, "payment_method_data[card]")
      } else if (params.payment_method || intent.payment_method) {
        method = resolveMethod(String(params.payment_method ?? intent.payment_method), "payment_method")
      } else {
        throw invalid("You cannot confirm this SetupIntent because it's missing a payment method.", "payment_method", "setup_intent_unexpected_state")
      }
      intent.payment_method = method.id
      const behaviour = behaviours.get(method.id)
      if (behaviour === "authenticate") {
        intent.status = "requires_action"
        intent.next_action = { type: "use_stripe_sdk", use_stripe_sdk: { type: "three_d_secure_redirect" } }
        emit("setup_intent.requires_action", intent)
        return intent
      }
      if (intent.customer) attach(method, intent.customer)
    } catch (error) {
      if (error instanceof StripeError && error.error.type === "card_error") {
        intent.status = "requires_payment_method"
        intent.payment_method = null
        intent.last_setup_error = { ...error.error }
        emit("setup_intent.setup_failed", intent)
        throw new StripeError(402, { ...error.error, setup_intent: structuredClone(intent) })
      }
      throw error
    }
    intent.status = "succeeded"
    intent.last_setup_error = null
    intent.next_action = null
    emit("setup_intent.succeeded", intent)
    return intent
  }

  /* ------------------------ payment intents ------------------------ */

  function failPayment(intent: Json, decline: { code: string; decline_code?: string; message: string }, methodId: string) {
    intent.status = "requires_payment_method"
    intent.last_payment_error = { type: "card_error", ...decline, payment_method: structuredClone(paymentMethods.get(methodId)) }
    emit("payment_intent.payment_failed", intent)
    throw new StripeError(402, {
      type: "card_error",
      ...decline,
      payment_intent: structuredClone(intent),
      payment_method: structuredClone(paymentMethods.get(methodId)),
    })
  }

  function confirmPayment(intent: Json, params: Json) {
    if (!["requires_payment_method", "requires_confirmation", "requires_action"].includes(intent.status)) {
      throw new StripeError(400, {
        type: "invalid_request_error",
        code: "payment_intent_unexpected_state",
        message: `This PaymentIntent's status is ${intent.status}, so it cannot be confirmed.`,
        payment_intent: intent,
      })
    }
    if (params.payment_method) intent.payment_method = String(params.payment_method)
    if (!intent.payment_method) {
      throw invalid("You cannot confirm this PaymentIntent because it's missing a payment method.", "payment_method", "payment_intent_unexpected_state")
    }
    if (intent.automatic_payment_methods?.enabled && intent.automatic_payment_methods.allow_redirects !== "never" && !params.return_url) {
      throw invalid(
        "This PaymentIntent is configured to accept payment methods enabled in your Dashboard, some of which may require a full page redirect to succeed. If you do not want to accept redirect-based payment methods, set `automatic_payment_methods[enabled]` to `true` and `automatic_payment_methods[allow_redirects]` to `never` when creating Setup Intents and Payment Intents."
      )
    }
    const method = methodOf(intent.payment_method, "payment_method")
    // As on Stripe, a new card (made by Stripe.js, attached to nobody) may pay for a customer's
    // PaymentIntent; with setup_future_usage it is attached to them once the payment succeeds.
    if (intent.customer && method.customer && method.customer !== intent.customer) {
      throw invalid("The provided PaymentMethod belongs to another Customer. Use the PaymentMethod with the Customer it is attached to.", "payment_method")
    }
    if (!intent.customer && method.customer) {
      throw invalid(
        "The provided PaymentMethod belongs to a Customer. Please include the Customer in the `customer` parameter on the PaymentIntent.",
        "payment_method"
      )
    }
    const behaviour = behaviours.get(method.id) ?? "ok"
    if (behaviour !== "ok" && behaviour !== "authenticate") failPayment(intent, DECLINES[behaviour], method.id)
    if (behaviour === "authenticate") {
      if (params.off_session === "true" || intent.off_session) {
        failPayment(
          intent,
          {
            code: "authentication_required",
            decline_code: "authentication_required",
            message: "Your card was declined. This transaction requires authentication.",
          },
          method.id
        )
      }
      intent.status = "requires_action"
      intent.next_action = { type: "use_stripe_sdk", use_stripe_sdk: { type: "three_d_secure_redirect" } }
      emit("payment_intent.requires_action", intent)
      return intent
    }
    return settlePayment(intent)
  }

  /** The card is charged (or held, with manual capture): it needed no check, or the customer passed 3-D Secure. */
  function settlePayment(intent: Json) {
    intent.last_payment_error = null
    intent.next_action = null
    const method = paymentMethods.get(intent.payment_method)
    if (intent.setup_future_usage && intent.customer && method && !method.customer) attach(method, intent.customer)
    if (intent.capture_method === "manual") {
      intent.status = "requires_capture"
      intent.amount_capturable = intent.amount
      emit("payment_intent.amount_capturable_updated", intent)
    } else {
      intent.status = "succeeded"
      intent.amount_received = intent.amount
      intent.latest_charge = intent.latest_charge ?? newId("ch")
      emit("payment_intent.succeeded", intent)
    }
    return intent
  }

  const unexpectedPaymentState = (intent: Json, action: string, allowed: string[]) =>
    new StripeError(400, {
      type: "invalid_request_error",
      code: "payment_intent_unexpected_state",
      message: `You cannot ${action} this PaymentIntent because it has a status of ${intent.status}. Only a PaymentIntent with one of the following statuses may be ${action === "cancel" ? "canceled" : "captured"}: ${allowed.join(", ")}.`,
      payment_intent: structuredClone(intent),
    })

  /* ---------------------------- routing ---------------------------- */

  type Context = { method: string; path: string; params: Json; key: RecordedRequest["key"] }
  type Route = [method: string, pattern: RegExp, handler: (ctx: Context, match: string[]) => Json, publishable?: boolean]

  const clientSecretMatches = (object: Json, params: Json) => params.client_secret === object.client_secret

  const routes: Route[] = [
    /* customers */
    [
      "POST",
      /^\/v1\/customers$/,
      ({ params }) => {
        const customer: Json = {
          id: newId("cus"),
          object: "customer",
          address: params.address ?? null,
          balance: 0,
          created: now(),
          currency: null,
          default_source: null,
          delinquent: false,
          description: params.description ?? null,
          email: params.email ?? null,
          invoice_prefix: randomBytes(4).toString("hex").toUpperCase(),
          invoice_settings: { custom_fields: null, default_payment_method: null, footer: null, rendering_options: null },
          livemode: false,
          metadata: params.metadata ?? {},
          name: params.name ?? null,
          phone: params.phone ?? null,
          preferred_locales: [],
          shipping: params.shipping ?? null,
          tax_exempt: "none",
          test_clock: null,
        }
        customers.set(customer.id, customer)
        emit("customer.created", customer)
        return customer
      },
    ],
    [
      "GET",
      /^\/v1\/customers\/([^/]+)$/,
      ({ params }, [id]) => {
        const customer = customers.get(id)
        if (!customer) throw noSuch("customer", id)
        return customer.deleted ? { id, object: "customer", deleted: true } : expand(customer, params.expand)
      },
    ],
    [
      "POST",
      /^\/v1\/customers\/([^/]+)$/,
      ({ params }, [id]) => {
        const customer = customerOf(id)
        const previous: Json = {}
        for (const field of ["email", "name", "phone", "description", "address", "shipping"]) {
          if (field in params) {
            previous[field] = customer[field]
            customer[field] = params[field] === "" ? null : params[field]
          }
        }
        if (params.metadata) customer.metadata = { ...customer.metadata, ...params.metadata }
        const wanted = params.invoice_settings?.default_payment_method
        if (wanted !== undefined) {
          if (wanted !== "") {
            const method = paymentMethods.get(wanted)
            if (!method) throw noSuch("PaymentMethod", wanted, "invoice_settings[default_payment_method]")
            if (method.customer !== id) {
              throw invalid(
                `The customer does not have a payment method with the ID ${wanted}. The payment method must be attached to the customer.`,
                "invoice_settings[default_payment_method]"
              )
            }
          }
          previous.invoice_settings = { default_payment_method: customer.invoice_settings.default_payment_method }
          customer.invoice_settings.default_payment_method = wanted || null
        }
        emit("customer.updated", customer, previous)
        return expand(customer, params.expand)
      },
    ],
    [
      "DELETE",
      /^\/v1\/customers\/([^/]+)$/,
      (_ctx, [id]) => {
        const customer = customerOf(id)
        customer.deleted = true
        for (const method of paymentMethods.values()) if (method.customer === id) method.customer = null
        emit("customer.deleted", customer)
        return { id, object: "customer", deleted: true }
      },
    ],
    [
      "GET",
      /^\/v1\/customers\/([^/]+)\/payment_methods$/,
      ({ params }, [id]) => {
        customerOf(id)
        const limit = Math.min(Number(params.limit ?? 10) || 10, 100)
        const data = [...paymentMethods.values()]
          .filter((method) => method.customer === id && (!params.type || method.type === params.type))
          // Newest first, as Stripe lists them (insertion order breaks ties within a second).
          .reverse()
          .sort((a, b) => b.created - a.created)
        return { object: "list", data: data.slice(0, limit), has_more: data.length > limit, url: `/v1/customers/${id}/payment_methods` }
      },
    ],

    /* payment methods */
    [
      "POST",
      /^\/v1\/payment_methods$/,
      ({ params, key }) => {
        if (params.type !== "card") throw invalid("Only card payment methods are supported here.", "type")
        if (key !== "publishable") {
          throw invalid(
            "Sending credit card numbers directly to the Stripe API is generally unsafe. To continue processing use Stripe.js, the Stripe mobile bindings, or Stripe Elements.",
            "card[number]"
          )
        }
        return createCard(params.card, params.billing_details, "card")
      },
      true,
    ],
    ["GET", /^\/v1\/payment_methods\/([^/]+)$/, (_ctx, [id]) => methodOf(id)],
    [
      "POST",
      /^\/v1\/payment_methods\/([^/]+)\/attach$/,
      ({ params }, [id]) => {
        if (!params.customer) throw invalid("Missing required param: customer.", "customer", "parameter_missing")
        customerOf(params.customer, "customer")
        return attach(resolveMethod(id, "payment_method"), params.customer)
      },
    ],
    ["POST", /^\/v1\/payment_methods\/([^/]+)\/detach$/, (_ctx, [id]) => detach(methodOf(id))],

    /* setup intents */
    [
      "POST",
      /^\/v1\/setup_intents$/,
      ({ params, key }) => {
        if (params.customer) customerOf(params.customer, "customer")
        const id = newId("seti")
        const intent: Json = {
          id,
          object: "setup_intent",
          cancellation_reason: null,
          client_secret: `${id}_secret_${randomBytes(16).toString("base64url").replace(/[-_]/g, "x")}`,
          created: now(),
          customer: params.customer ?? null,
          description: params.description ?? null,
          last_setup_error: null,
          livemode: false,
          metadata: params.metadata ?? {},
          next_action: null,
          payment_method: params.payment_method ?? null,
          payment_method_types: params.payment_method_types ?? ["card"],
          status: params.payment_method ? "requires_confirmation" : "requires_payment_method",
          usage: params.usage ?? "off_session",
        }
        setupIntents.set(id, intent)
        emit("setup_intent.created", intent)
        return params.confirm === "true" ? confirmSetup(intent, params, key) : intent
      },
    ],
    [
      "GET",
      /^\/v1\/setup_intents\/([^/]+)$/,
      ({ params, key }, [id]) => {
        const intent = setupIntents.get(id)
        if (!intent) throw noSuch("setupintent", id)
        if (key === "publishable" && !clientSecretMatches(intent, params)) throw noSuch("setupintent", id)
        return expand(intent, params.expand)
      },
      true,
    ],
    [
      "POST",
      /^\/v1\/setup_intents\/([^/]+)\/confirm$/,
      ({ params, key }, [id]) => {
        const intent = setupIntents.get(id)
        if (!intent) throw noSuch("setupintent", id)
        if (key === "publishable" && !clientSecretMatches(intent, params)) {
          throw invalid("The client_secret provided does not match the client_secret associated with the SetupIntent.", "client_secret")
        }
        return confirmSetup(intent, params, key)
      },
      true,
    ],
    [
      "POST",
      /^\/v1\/setup_intents\/([^/]+)\/cancel$/,
      ({ params }, [id]) => {
        const intent = setupIntents.get(id)
        if (!intent) throw noSuch("setupintent", id)
        if (intent.status === "succeeded" || intent.status === "canceled") {
          throw new StripeError(400, {
            type: "invalid_request_error",
            code: "setup_intent_unexpected_state",
            message: `You cannot cancel this SetupIntent because it has a status of ${intent.status}.`,
            setup_intent: intent,
          })
        }
        intent.status = "canceled"
        intent.cancellation_reason = params.cancellation_reason ?? null
        emit("setup_intent.canceled", intent)
        return intent
      },
    ],

    /* payment intents */
    [
      "POST",
      /^\/v1\/payment_intents$/,
      ({ params }) => {
        const amount = Number(params.amount)
        if (!Number.isInteger(amount) || amount < 1)
          throw invalid("Invalid integer: amount must be a positive integer in the smallest currency unit.", "amount")
        if (!/^[a-z]{3}$/.test(String(params.currency ?? ""))) throw invalid("Missing required param: currency.", "currency", "parameter_missing")
        if (params.customer) customerOf(params.customer, "customer")
        if (params.payment_method) methodOf(params.payment_method, "payment_method")
        const id = newId("pi")
        const intent: Json = {
          id,
          object: "payment_intent",
          amount,
          amount_capturable: 0,
          amount_received: 0,
          automatic_payment_methods: params.payment_method_types
            ? null
            : { enabled: true, allow_redirects: params.automatic_payment_methods?.allow_redirects ?? "always" },
          canceled_at: null,
          cancellation_reason: null,
          capture_method: params.capture_method ?? "automatic",
          client_secret: `${id}_secret_${randomBytes(16).toString("base64url").replace(/[-_]/g, "x")}`,
          confirmation_method: "automatic",
          created: now(),
          currency: params.currency,
          customer: params.customer ?? null,
          description: params.description ?? null,
          last_payment_error: null,
          latest_charge: null,
          livemode: false,
          metadata: params.metadata ?? {},
          next_action: null,
          off_session: params.off_session === "true" ? true : null,
          payment_method: params.payment_method ?? null,
          payment_method_types: params.payment_method_types ?? ["card"],
          setup_future_usage: params.setup_future_usage ?? null,
          status: params.payment_method ? "requires_confirmation" : "requires_payment_method",
        }
        paymentIntents.set(id, intent)
        emit("payment_intent.created", intent)
        if (params.confirm === "true") confirmPayment(intent, params)
        return expand(intent, params.expand)
      },
    ],
    [
      "GET",
      /^\/v1\/payment_intents\/([^/]+)$/,
      ({ params, key }, [id]) => {
        const intent = paymentIntents.get(id)
        if (!intent || (key === "publishable" && !clientSecretMatches(intent, params))) throw noSuch("payment_intent", id)
        return expand(intent, params.expand)
      },
      true,
    ],
    [
      "POST",
      /^\/v1\/payment_intents\/([^/]+)$/,
      ({ params }, [id]) => {
        const intent = paymentIntents.get(id)
        if (!intent) throw noSuch("payment_intent", id)
        if (params.amount !== undefined) {
          if (!["requires_payment_method", "requires_confirmation", "requires_action"].includes(intent.status)) {
            throw new StripeError(400, {
              type: "invalid_request_error",
              code: "payment_intent_unexpected_state",
              message: `You cannot update the amount of this PaymentIntent because it has a status of ${intent.status}.`,
              payment_intent: structuredClone(intent),
            })
          }
          intent.amount = Number(params.amount)
        }
        if (params.metadata) intent.metadata = { ...intent.metadata, ...params.metadata }
        if (params.description !== undefined) intent.description = params.description
        return expand(intent, params.expand)
      },
    ],
    [
      "POST",
      /^\/v1\/payment_intents\/([^/]+)\/confirm$/,
      ({ params }, [id]) => {
        const intent = paymentIntents.get(id)
        if (!intent) throw noSuch("payment_intent", id)
        return expand(confirmPayment(intent, params), params.expand)
      },
    ],
    [
      "POST",
      /^\/v1\/payment_intents\/([^/]+)\/capture$/,
      ({ params }, [id]) => {
        const intent = paymentIntents.get(id)
        if (!intent) throw noSuch("payment_intent", id)
        if (intent.status !== "requires_capture") throw unexpectedPaymentState(intent, "capture", ["requires_capture"])
        const amount = params.amount_to_capture !== undefined ? Number(params.amount_to_capture) : intent.amount_capturable
        if (!Number.isInteger(amount) || amount < 1 || amount > intent.amount_capturable) {
          throw invalid("The amount to capture must be a positive integer no greater than the amount capturable.", "amount_to_capture")
        }
        intent.status = "succeeded"
        intent.amount_received = amount
        intent.amount_capturable = 0
        intent.latest_charge = intent.latest_charge ?? newId("ch")
        emit("payment_intent.succeeded", intent)
        return expand(intent, params.expand)
      },
    ],
    [
      "POST",
      /^\/v1\/payment_intents\/([^/]+)\/cancel$/,
      ({ params }, [id]) => {
        const intent = paymentIntents.get(id)
        if (!intent) throw noSuch("payment_intent", id)
        const allowed = ["requires_payment_method", "requires_capture", "requires_confirmation", "requires_action", "processing"]
        if (!allowed.includes(intent.status)) throw unexpectedPaymentState(intent, "cancel", allowed)
        intent.status = "canceled"
        intent.canceled_at = now()
        intent.cancellation_reason = params.cancellation_reason ?? null
        intent.amount_capturable = 0
        emit("payment_intent.canceled", intent)
        return expand(intent, params.expand)
      },
    ],

    /* refunds */
    [
      "POST",
      /^\/v1\/refunds$/,
      ({ params }) => {
        const intent = paymentIntents.get(String(params.payment_intent ?? ""))
        if (!intent) throw noSuch("payment_intent", String(params.payment_intent ?? ""), "payment_intent")
        if (intent.status !== "succeeded") {
          throw invalid(`This PaymentIntent (${intent.id}) does not have a successful charge to refund.`, "payment_intent", "charge_not_refundable")
        }
        const refunded = [...refunds.values()].filter((refund) => refund.payment_intent === intent.id).reduce((sum, refund) => sum + refund.amount, 0)
        const remaining = intent.amount_received - refunded
        if (remaining <= 0) throw invalid(`Charge ${intent.latest_charge} has already been refunded.`, undefined, "charge_already_refunded")
        const amount = params.amount !== undefined ? Number(params.amount) : remaining
        if (!Number.isInteger(amount) || amount < 1 || amount > remaining) {
          throw invalid(`Refund amount (${amount}) is greater than unrefunded amount on charge (${remaining})`, "amount", "amount_too_large")
        }
        const refund: Json = {
          id: newId("re"),
          object: "refund",
          amount,
          charge: intent.latest_charge,
          created: now(),
          currency: intent.currency,
          metadata: params.metadata ?? {},
          payment_intent: intent.id,
          reason: params.reason ?? null,
          status: "succeeded",
        }
        refunds.set(refund.id, refund)
        emit("refund.created", refund)
        emit("charge.refunded", {
          id: intent.latest_charge,
          object: "charge",
          amount: intent.amount_received,
          amount_refunded: refunded + amount,
          payment_intent: intent.id,
        })
        return refund
      },
    ],

    /* events */
    [
      "GET",
      /^\/v1\/events$/,
      ({ params }) => {
        const limit = Math.min(Number(params.limit ?? 10) || 10, 100)
        const data = events.filter((event) => !params.type || event.type === params.type).reverse()
        return { object: "list", data: data.slice(0, limit), has_more: data.length > limit, url: "/v1/events" }
      },
    ],
    [
      "GET",
      /^\/v1\/events\/([^/]+)$/,
      (_ctx, [id]) => {
        const event = events.find((item) => item.id === id)
        if (!event) throw noSuch("event", id)
        return event
      },
    ],

    /* test controls: what a test can't do through Stripe's API */
    ["GET", /^\/_fake\/requests$/, () => ({ data: requests })],
    [
      "POST",
      /^\/_fake\/outages$/,
      ({ params }) => {
        outages.push({ method: String(params.method ?? "POST").toUpperCase(), path: String(params.path ?? ""), times: Number(params.times ?? 1) })
        return { planned: outages.length }
      },
    ],
    [
      "DELETE",
      /^\/_fake\/outages$/,
      () => {
        outages.length = 0
        return { planned: 0 }
      },
    ],
    [
      // The customer's bank check on a PaymentIntent (Stripe.js handleNextAction): passed, or `result=fail`.
      "POST",
      /^\/_fake\/payment_intents\/([^/]+)\/authenticate$/,
      ({ params }, [id]) => {
        const intent = paymentIntents.get(id)
        if (!intent) throw noSuch("payment_intent", id)
        if (intent.status !== "requires_action") throw invalid(`This PaymentIntent's status is ${intent.status}, not requires_action.`)
        if (params.result !== "fail") return settlePayment(intent)
        intent.status = "requires_payment_method"
        intent.next_action = null
        intent.last_payment_error = {
          type: "card_error",
          code: "payment_intent_authentication_failure",
          message: "We are unable to authenticate your payment method. Please choose a different payment method and try again.",
        }
        emit("payment_intent.payment_failed", intent)
        return intent
      },
    ],
    [
      "POST",
      /^\/_fake\/setup_intents\/([^/]+)\/authenticate$/,
      (_ctx, [id]) => {
        const intent = setupIntents.get(id)
        if (!intent) throw noSuch("setupintent", id)
        if (intent.status !== "requires_action") throw invalid(`This SetupIntent's status is ${intent.status}, not requires_action.`)
        const method = methodOf(intent.payment_method)
        if (intent.customer) attach(method, intent.customer)
        intent.status = "succeeded"
        intent.next_action = null
        emit("setup_intent.succeeded", intent)
        return intent
      },
    ],
  ]

  /* ----------------------------- server ---------------------------- */

  const send = (res: ServerResponse, status: number, body: Json, headers: Record<string, string> = {}) => {
    res.writeHead(status, {
      "content-type": "application/json",
      "request-id": newId("req"),
      "stripe-version": API_VERSION,
      "access-control-allow-origin": "*",
      ...headers,
    })
    res.end(JSON.stringify(body))
  }

  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on("data", (chunk: Buffer) => {
      size += chunk.length
      if (size <= MAX_BODY_BYTES) chunks.push(chunk)
    })
    req.on("end", () => handle(req, res, Buffer.concat(chunks).toString("utf8"), size))
  })

  function handle(req: IncomingMessage, res: ServerResponse, body: string, size: number) {
    const url = new URL(req.url ?? "/", "http://fake")
    const method = req.method ?? "GET"
    if (method === "OPTIONS") {
      res.writeHead(204, {
        "access-control-allow-origin": "*",
        "access-control-allow-methods": "GET, POST, DELETE",
        "access-control-allow-headers": "authorization, content-type, stripe-version, idempotency-key",
        "access-control-max-age": "600",
      })
      return res.end()
    }
    if (method === "GET" && /^\/v3\/?$|^\/js\/stripe\.js$/.test(url.pathname)) {
      res.writeHead(200, { "content-type": "application/javascript; charset=utf-8", "cache-control": "no-store", "access-control-allow-origin": "*" })
      return res.end(STRIPE_JS)
    }
    if (size > MAX_BODY_BYTES) return send(res, 413, { error: { type: "invalid_request_error", message: "Request body too large." } })

    const params = method === "GET" || method === "DELETE" ? parseStripeForm(url.search.slice(1)) : parseStripeForm(body)
    const bearer = /^Bearer (\S+)$/.exec(req.headers.authorization ?? "")?.[1] ?? (typeof params.key === "string" ? params.key : "")
    delete params.key
    const key: RecordedRequest["key"] = bearer === secretKey ? "secret" : bearer === publishableKey ? "publishable" : "none"
    const idempotencyKey = typeof req.headers["idempotency-key"] === "string" ? req.headers["idempotency-key"] : null
    const record = (status: number) => {
      if (!url.pathname.startsWith("/_fake/")) {
        requests.push({ at: Date.now(), method, path: url.pathname, params: mask(params) as Json, key, idempotency_key: idempotencyKey, status })
      }
    }
    const reply = (status: number, payload: Json, headers?: Record<string, string>) => {
      record(status)
      send(res, status, payload, headers)
    }

    const found = routes.find(([verb, pattern]) => verb === method && pattern.test(url.pathname))
    if (!found) {
      return reply(404, { error: { type: "invalid_request_error", message: `Unrecognized request URL (${method}: ${url.pathname}).` } })
    }
    const [, pattern, handler, allowsPublishable] = found
    if (!url.pathname.startsWith("/_fake/")) {
      if (!bearer) {
        return reply(401, {
          error: {
            type: "invalid_request_error",
            message:
              "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY').",
          },
        })
      }
      if (key === "none") {
        return reply(401, {
          error: {
            type: "invalid_request_error",
            code: "api_key_invalid",
            message: `Invalid API Key provided: ${bearer.slice(0, 8)}${"*".repeat(Math.max(0, bearer.length - 12))}${bearer.slice(-4)}`,
          },
        })
      }
      if (key === "publishable" && !allowsPublishable) {
        return reply(403, {
          error: { type: "invalid_request_error", message: "This API call cannot be made with a publishable API key. Please use a secret API key." },
        })
      }
    }

    const outage = outages.find((planned) => planned.times > 0 && planned.method === method && planned.path === url.pathname)
    if (outage && !url.pathname.startsWith("/_fake/")) {
      outage.times--
      return reply(500, { error: { type: "api_error", message: "Stripe could not process the request (a planned outage of the test fake)." } })
    }

    // Idempotency: the same key answers with the first answer; other parameters with it are refused.
    const fingerprint = `${method} ${url.pathname} ${JSON.stringify(params)}`
    if (method === "POST" && idempotencyKey) {
      const earlier = idempotent.get(idempotencyKey)
      if (earlier) {
        if (earlier.fingerprint !== fingerprint) {
          return reply(400, {
            error: {
              type: "idempotency_error",
              message: `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${idempotencyKey}' if you meant to execute a different request.`,
            },
          })
        }
        return reply(earlier.status, earlier.body, { "idempotent-replayed": "true", "idempotency-key": idempotencyKey })
      }
    }

    let status = 200
    let payload: Json
    try {
      payload = handler({ method, path: url.pathname, params, key }, pattern.exec(url.pathname)!.slice(1))
    } catch (error) {
      if (!(error instanceof StripeError)) {
        console.error("fake Stripe:", error)
        status = 500
        payload = { error: { type: "api_error", message: "An unknown error occurred" } }
      } else {
        status = error.status
        payload = { error: error.error }
      }
    }
    // Stripe keeps the answer for a key, errors included (but not its own 5xx).
    if (method === "POST" && idempotencyKey && status < 500) idempotent.set(idempotencyKey, { fingerprint, status, body: payload })
    reply(status, payload, idempotencyKey ? { "idempotency-key": idempotencyKey } : {})
  }

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject)
    server.listen(0, "127.0.0.1", () => resolve())
  })
  const { port } = server.address() as AddressInfo
  const url = `http://127.0.0.1:${port}`

  return {
    url,
    secretKey,
    publishableKey,
    webhookSecret,
    jsUrl: `${url}/v3/`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()))
        server.closeAllConnections()
      }),
  }
}

/**
 * A test-mode stand-in for Stripe.js (https://js.stripe.com/v3/), served by this fake because the
 * real script can't load offline. It offers the parts the portal uses: `Stripe(pk)`,
 * `elements({ mode: "setup" } | { clientSecret })`, `elements.create("payment" | "card").mount(el)`,
 * `elements.submit()`, `confirmSetup`, `confirmCardSetup` and `retrieveSetupIntent`. As with the
 * real Elements, the card fields live in an iframe (titled "Secure card payment input frame"), so
 * they are never part of the portal's own form, and the card goes from the browser straight to
 * this fake's /v1/setup_intents/:id/confirm with the publishable key.
 */
const STRIPE_JS = String.raw`(function () {
  "use strict";
  var script = document.currentScript;
  var API = new URL(script && script.src ? script.src : location.href).origin;

  function encode(params, prefix, out) {
    out = out || [];
    Object.keys(params).forEach(function (key) {
      var value = params[key];
      if (value === undefined || value === null) return;
      var name = prefix ? prefix + "[" + key + "]" : key;
      if (typeof value === "object") encode(value, name, out);
      else out.push(encodeURIComponent(name) + "=" + encodeURIComponent(String(value)));
    });
    return out;
  }

  function call(method, path, params, pk) {
    var body = encode(Object.assign({ key: pk }, params)).join("&");
    var url = API + path + (method === "GET" ? "?" + body : "");
    return fetch(url, {
      method: method,
      headers: method === "GET" ? {} : { "content-type": "application/x-www-form-urlencoded" },
      body: method === "GET" ? undefined : body,
    }).then(function (response) {
      return response.json().then(function (json) { return { ok: response.ok, json: json }; });
    }).catch(function () {
      return { ok: false, json: { error: { type: "api_connection_error", message: "We couldn't reach Stripe. Check your connection and try again." } } };
    });
  }

  var FIELDS = '<style>body{font:15px system-ui,sans-serif;margin:0}label{display:block;margin:0 0 8px}input{display:block;width:100%;box-sizing:border-box;font:inherit;padding:6px;margin-top:2px}p{font-size:12px;color:#666;margin:0 0 8px}</style>' +
    '<p>Test mode: a stand-in for Stripe\'s card form.</p>' +
    '<label>Card number<input id="number" inputmode="numeric" autocomplete="cc-number" placeholder="1234 1234 1234 1234"></label>' +
    '<label>Expiry date<input id="expiry" inputmode="numeric" autocomplete="cc-exp" placeholder="MM / YY"></label>' +
    '<label>Security code<input id="cvc" inputmode="numeric" autocomplete="cc-csc" placeholder="CVC"></label>';

  function Element(type, group) {
    this.type = type;
    this.group = group;
    this.frame = null;
    this.handlers = {};
  }
  Element.prototype.mount = function (target) {
    var host = typeof target === "string" ? document.querySelector(target) : target;
    if (!host) throw new Error("Stripe stand-in: nothing to mount the " + this.type + " element in");
    var frame = document.createElement("iframe");
    frame.title = "Secure card payment input frame";
    frame.setAttribute("data-testid", "stripe-card-frame");
    frame.style.cssText = "border:0;width:100%;height:200px";
    frame.srcdoc = "<!doctype html><html><body>" + FIELDS + "</body></html>";
    var self = this;
    frame.addEventListener("load", function () {
      var doc = frame.contentDocument;
      ["number", "expiry", "cvc"].forEach(function (id) {
        doc.getElementById(id).addEventListener("input", function () { self.emit("change", self.state()); });
      });
      self.emit("ready", {});
    });
    host.innerHTML = "";
    host.appendChild(frame);
    this.frame = frame;
    return this;
  };
  Element.prototype.values = function () {
    var doc = this.frame && this.frame.contentDocument;
    if (!doc || !doc.getElementById("number")) return null;
    var expiry = doc.getElementById("expiry").value.replace(/\s/g, "").split("/");
    return {
      number: doc.getElementById("number").value.replace(/[\s-]/g, ""),
      exp_month: expiry[0] || "",
      exp_year: expiry[1] ? (expiry[1].length === 2 ? "20" + expiry[1] : expiry[1]) : "",
      cvc: doc.getElementById("cvc").value.trim(),
    };
  };
  Element.prototype.state = function () {
    var v = this.values();
    var empty = !v || (!v.number && !v.exp_month && !v.cvc);
    return { elementType: this.type, empty: empty, complete: !!v && v.number.length >= 12 && !!v.exp_month && !!v.exp_year && v.cvc.length >= 3 };
  };
  Element.prototype.on = function (name, handler) { (this.handlers[name] = this.handlers[name] || []).push(handler); return this; };
  Element.prototype.off = function (name) { delete this.handlers[name]; return this; };
  Element.prototype.emit = function (name, payload) { (this.handlers[name] || []).forEach(function (handler) { handler(payload); }); };
  Element.prototype.update = function () { return this; };
  Element.prototype.focus = function () { var doc = this.frame && this.frame.contentDocument; if (doc) doc.getElementById("number").focus(); };
  Element.prototype.unmount = function () { if (this.frame) this.frame.remove(); this.frame = null; };
  Element.prototype.destroy = Element.prototype.unmount;

  function Elements(stripe, options) {
    this.stripe = stripe;
    this.options = options || {};
    this.elements = {};
  }
  Elements.prototype.create = function (type) {
    if (type !== "payment" && type !== "card") throw new Error("Stripe stand-in: only the payment and card elements are offered");
    return (this.elements[type] = new Element(type, this));
  };
  Elements.prototype.getElement = function (type) { return this.elements[type] || null; };
  Elements.prototype.update = function (options) { Object.assign(this.options, options); };
  Elements.prototype.fetchUpdates = function () { return Promise.resolve({}); };
  Elements.prototype.card = function () { return this.elements.payment || this.elements.card || null; };
  Elements.prototype.submit = function () {
    var element = this.card();
    var state = element ? element.state() : { complete: false, empty: true };
    if (state.complete) return Promise.resolve({});
    return Promise.resolve({
      error: { type: "validation_error", code: state.empty ? "incomplete_number" : "incomplete", message: state.empty ? "Your card number is incomplete." : "Your card details are incomplete." },
    });
  };

  function Stripe(publishableKey, options) {
    if (!(this instanceof Stripe)) return new Stripe(publishableKey, options);
    if (typeof publishableKey !== "string" || publishableKey.indexOf("pk_") !== 0) {
      throw new Error("Invalid value for Stripe(): apiKey should be a publishable key (pk_…).");
    }
    this.key = publishableKey;
  }
  Stripe.version = 3;
  Stripe.prototype.elements = function (options) { return new Elements(this, options); };
  Stripe.prototype.retrieveSetupIntent = function (clientSecret) {
    var id = String(clientSecret).split("_secret_")[0];
    return call("GET", "/v1/setup_intents/" + id, { client_secret: clientSecret }, this.key).then(function (r) {
      return r.ok ? { setupIntent: r.json } : { error: r.json.error };
    });
  };
  Stripe.prototype.createPaymentMethod = function (options) {
    var element = options.elements ? options.elements.card() : options.card || options.element;
    var values = element && element.values();
    if (!values) return Promise.resolve({ error: { type: "validation_error", message: "Your card details are incomplete." } });
    var params = options.params || {};
    return call("POST", "/v1/payment_methods", { type: "card", card: values, billing_details: params.billing_details || undefined }, this.key).then(function (r) {
      return r.ok ? { paymentMethod: r.json } : { error: r.json.error };
    });
  };
  // The bank's 3-D Secure page, as a test stand-in: "Complete" passes the check, "Fail" refuses it.
  Stripe.prototype.handleNextAction = function (options) {
    var id = String(options.clientSecret).split("_secret_")[0];
    var key = this.key;
    return new Promise(function (resolve) {
      var box = document.createElement("div");
      box.setAttribute("role", "dialog");
      box.setAttribute("aria-label", "3D Secure test page");
      box.style.cssText = "position:fixed;inset:0;background:rgba(0,0,0,.5);display:flex;align-items:center;justify-content:center;z-index:2147483647";
      var panel = document.createElement("div");
      panel.style.cssText = "background:#fff;padding:24px;border-radius:8px;max-width:320px;font:15px system-ui,sans-serif";
      panel.appendChild(document.createTextNode("Test mode: your bank asks you to confirm this payment."));
      ["Complete", "Fail"].forEach(function (label) {
        var button = document.createElement("button");
        button.type = "button";
        button.textContent = label + " authentication";
        button.style.cssText = "display:block;margin-top:12px;padding:8px 12px;font:inherit";
        button.addEventListener("click", function () {
          box.remove();
          call("POST", "/_fake/payment_intents/" + id + "/authenticate", { client_secret: options.clientSecret, result: label === "Fail" ? "fail" : "pass" }, key).then(function (r) {
            if (!r.ok) return resolve({ error: r.json.error });
            if (r.json.last_payment_error) return resolve({ error: Object.assign({ payment_intent: r.json }, r.json.last_payment_error) });
            resolve({ paymentIntent: r.json });
          });
        });
        panel.appendChild(button);
      });
      box.appendChild(panel);
      document.body.appendChild(box);
    });
  };
  Stripe.prototype.confirmCardSetup = function (clientSecret, data) {
    var element = data && data.payment_method && data.payment_method.card;
    return this._confirm(clientSecret, element, data && data.payment_method && data.payment_method.billing_details, null, "if_required");
  };
  Stripe.prototype.confirmSetup = function (options) {
    var elements = options.elements;
    var secret = options.clientSecret || (elements && elements.options.clientSecret);
    var params = options.confirmParams || {};
    return this._confirm(secret, elements && elements.card(), params.payment_method_data && params.payment_method_data.billing_details, params.return_url, options.redirect || "always");
  };
  Stripe.prototype._confirm = function (clientSecret, element, billing, returnUrl, redirect) {
    if (!clientSecret) return Promise.resolve({ error: { type: "invalid_request_error", message: "A SetupIntent client secret is required." } });
    var values = element && element.values();
    if (!values) return Promise.resolve({ error: { type: "validation_error", message: "Your card details are incomplete." } });
    var id = String(clientSecret).split("_secret_")[0];
    var params = {
      client_secret: clientSecret,
      return_url: returnUrl || undefined,
      payment_method_data: { type: "card", card: values, billing_details: billing || undefined },
    };
    return call("POST", "/v1/setup_intents/" + id + "/confirm", params, this.key).then(function (r) {
      if (!r.ok) return { error: r.json.error };
      var intent = r.json;
      if (intent.status === "requires_action") {
        return { error: { type: "card_error", code: "authentication_required", message: "Your bank wants to confirm this card, which this test stand-in for Stripe.js can't show.", setup_intent: intent } };
      }
      if (redirect === "always" && returnUrl) {
        var target = new URL(returnUrl);
        target.searchParams.set("setup_intent", intent.id);
        target.searchParams.set("setup_intent_client_secret", clientSecret);
        target.searchParams.set("redirect_status", intent.status);
        window.location.assign(target.toString());
        return new Promise(function () {});
      }
      return { setupIntent: intent };
    });
  };

  window.Stripe = Stripe;
})();
`
