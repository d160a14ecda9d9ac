import { inject } from "vitest"
import { deliverStripeEvent } from "../fakes/stripe-server"
import { api } from "./api"

type Params = Record<string, unknown>

function encode(params: Params, prefix = "", out = new URLSearchParams()) {
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null) continue
    const name = prefix ? `${prefix}[${key}]` : key
    if (typeof value === "object") encode(value as Params, name, out)
    else out.append(name, String(value))
  }
  return out
}

/**
 * A call to the fake Stripe API: with the secret key it is what the Stripe Dashboard (or the
 * business's own tools) would do; with the publishable key, what Stripe.js does in the browser.
 */
export async function stripeApi<T = any>(path: string, options: { method?: "GET" | "POST" | "DELETE"; params?: Params; key?: "secret" | "publishable" } = {}) {
  const stripe = inject("stripe")
  const method = options.method ?? (options.params ? "POST" : "GET")
  const query = encode(options.params ?? {})
  const url = `${stripe.url}${path}${method === "POST" ? "" : `?${query}`}`
  const response = await fetch(url, {
    method,
    headers: {
      authorization: `Bearer ${options.key === "publishable" ? stripe.publishableKey : stripe.secretKey}`,
      ...(method === "POST" ? { "content-type": "application/x-www-form-urlencoded" } : {}),
    },
    body: method === "POST" ? query : undefined,
  })
  return { status: response.status, body: (await response.json()) as T }
}

/** Everything Stripe's API has been asked so far (card numbers masked). */
export async function stripeRequests(): Promise<{ method: string; path: string; params: any; key: string; idempotency_key: string | null; status: number }[]> {
  const response = await fetch(`${inject("stripe").url}/_fake/requests`)
  return (await response.json()).data
}

export const TEST_CARDS = {
  visa: "4242424242424242",
  mastercard: "5555555555554444",
  /** Saves fine; every charge is declined. */
  declinesCharges: "4000000000000341",
  /** Declined even when saving. */
  declined: "4000000000000002",
  /** Always asks for 3-D Secure. */
  needsAuthentication: "4000002760003184",
}

/**
 * Adds a card the way the portal does: our API starts a SetupIntent, then the card goes from
 * "the browser" straight to Stripe with the publishable key (what Stripe.js does).
 */
export async function saveCard(token: string, number = TEST_CARDS.visa, expiry = { month: 12, year: new Date().getFullYear() + 4 }) {
  const started = await api("/store/customers/me/saved-cards/setup", { token, body: {} })
  if (started.status !== 201) throw new Error(`setup failed: ${started.status} ${JSON.stringify(started.body)}`)
  const { id, client_secret } = started.body.setup_intent
  const confirmed = await stripeApi(`/v1/setup_intents/${id}/confirm`, {
    key: "publishable",
    params: { client_secret, payment_method_data: { type: "card", card: { number, exp_month: expiry.month, exp_year: expiry.year, cvc: "123" } } },
  })
  if (confirmed.body.status === "requires_action") {
    // The customer passes their bank's check (Stripe's 3-D Secure test page).
    const authenticated = await stripeApi(`/_fake/setup_intents/${id}/authenticate`, { params: {} })
    return authenticated.body.payment_method as string
  }
  if (confirmed.status !== 200) throw new Error(`confirm failed: ${confirmed.status} ${JSON.stringify(confirmed.body)}`)
  return confirmed.body.payment_method as string
}

/** The newest events of `type` Stripe recorded, newest first. */
export async function stripeEvents(type: string) {
  return (await stripeApi(`/v1/events`, { method: "GET", params: { type, limit: 100 } })).body.data as any[]
}

/** Sends an event to our webhook endpoint as Stripe does (signed with the webhook secret unless `signature` is given). */
export function sendStripeEvent(event: Params, options: { signature?: string } = {}) {
  const url = new URL("/hooks/stripe", inject("backendUrl").replace("localhost", "127.0.0.1")).toString()
  return deliverStripeEvent(url, event, inject("stripe").webhookSecret, options)
}
