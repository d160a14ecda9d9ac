import { apiFetch } from "~/lib/api/api.server"
import type { StoreAutomaticPaymentResponse, StoreSavedCardListResponse as SavedCards, StoreSavedCardSetupResponse } from "@fieldservice/contract"

const BASE = "/store/customers/me/saved-cards"
const cardPath = (id: string) => `${BASE}/${encodeURIComponent(id)}`

/** The customer's saved cards; `card_payments` is false when the business hasn't set up card payments. */
export async function listSavedCards(token: string): Promise<SavedCards> {
  const result = await apiFetch<Partial<SavedCards>>(BASE, { token })
  return {
    card_payments: result.card_payments === true,
    saved_cards: Array.isArray(result.saved_cards) ? result.saved_cards : [],
    default_card_id: typeof result.default_card_id === "string" ? result.default_card_id : null,
  }
}

/** A Stripe SetupIntent for "Add a card": its client secret goes to Stripe's card form in the browser. */
export async function startAddingCard(token: string): Promise<StoreSavedCardSetupResponse["setup_intent"]> {
  const { setup_intent } = await apiFetch<StoreSavedCardSetupResponse>(`${BASE}/setup`, {
    method: "POST",
    token,
    body: {},
  })
  return setup_intent
}

/** Throws ApiError 404 when the card isn't the customer's. */
export async function removeSavedCard(token: string, id: string): Promise<void> {
  await apiFetch(cardPath(id), { method: "DELETE", token })
}

/** Throws ApiError 404 when the card isn't the customer's. */
export async function makeDefaultCard(token: string, id: string): Promise<void> {
  await apiFetch(`${cardPath(id)}/default`, { method: "POST", token, body: {} })
}

/**
 * Stripe.js for the card form: the publishable key, and where to load Stripe.js from
 * (Stripe's own https://js.stripe.com/v3/ unless STRIPE_JS_URL says otherwise, e.g. a test stand-in).
 */
export function stripeBrowserConfig(): { publishableKey: string | null; jsUrl: string } {
  return {
    publishableKey: process.env.STRIPE_PUBLISHABLE_KEY?.trim() || null,
    jsUrl: process.env.STRIPE_JS_URL?.trim() || "https://js.stripe.com/v3/",
  }
}

/** Whether invoices are charged automatically to the default card, and the latest tries. */
export async function getAutomaticPayment(token: string): Promise<StoreAutomaticPaymentResponse> {
  return apiFetch<StoreAutomaticPaymentResponse>("/store/customers/me/automatic-payment", { token })
}

/** Turns automatic payment on (needs a default saved card; throws ApiError 400 otherwise) or off. */
export async function setAutomaticPayment(token: string, enabled: boolean): Promise<StoreAutomaticPaymentResponse> {
  return apiFetch<StoreAutomaticPaymentResponse>("/store/customers/me/automatic-payment", { method: "POST", token, body: { enabled } })
}
