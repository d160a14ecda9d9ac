import type { IPaymentModuleService, MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { retrieveOwnSavedCard, type CardSummary } from "./saved-cards"

/**
 * A card charged now through Medusa's payment module and Stripe (invoice payments, quote deposits):
 * the session's data for a PaymentIntent confirmed at creation and captured at once, then how it
 * ended once Stripe has answered.
 */
export type ChargeNowRequest = {
  payment_method: string
  description: string
  metadata: Record<string, string>
  /** Keep a new card for next time (never asked for a saved one or off-session). */
  save_card?: boolean
  /** The customer isn't there (an automatic charge): a bank that wants a check declines instead. */
  off_session?: boolean
}

export function chargeNowSessionData(input: ChargeNowRequest): Record<string, unknown> {
  return {
    payment_method: input.payment_method,
    payment_method_types: ["card"],
    confirm: true,
    off_session: input.off_session ? true : undefined,
    capture_method: "automatic",
    setup_future_usage: input.save_card && !input.off_session ? "off_session" : undefined,
    payment_description: input.description,
    metadata: input.metadata,
  }
}

/** One of the customer's saved cards that can still be charged; anyone else's is "not found". */
export async function usableSavedCard(container: MedusaContainer, customerId: string, cardId: string): Promise<CardSummary> {
  const { card } = await retrieveOwnSavedCard(container, customerId, cardId)
  const now = new Date()
  if (card.exp_year < now.getFullYear() || (card.exp_year === now.getFullYear() && card.exp_month < now.getMonth() + 1)) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "That card has expired. Choose another card, or add a new one.")
  }
  return card
}

type IntentData = {
  last_payment_error?: { message?: string } | null
  payment_method?: string | { card?: { brand?: string; last4?: string } } | null
} | null

/** The card Stripe charged, from the PaymentIntent kept as the session's data (its payment method expanded). */
export function chargedCard(data: Record<string, unknown> | null | undefined): { brand: string; last4: string } | null {
  const method = (data as IntentData)?.payment_method
  const card = method && typeof method === "object" ? method.card : null
  return card?.brand && card.last4 ? { brand: card.brand, last4: card.last4 } : null
}

/** The customer's reason from a failed PaymentIntent, as Stripe words it, then what stays as it was. */
export function declineMessage(data: Record<string, unknown> | null | undefined, unchanged: string): string {
  const failure = (data as IntentData)?.last_payment_error
  return `${failure?.message?.trim() || "Your card was declined."} ${unchanged}`
}

export type SettledCardSession = {
  outcome: "paid" | "requires_action" | "failed" | "in_progress"
  payment_id: string | null
  card: { brand: string; last4: string } | null
  /** The PaymentIntent as Stripe last told it (for the decline's reason). */
  data: Record<string, unknown> | null
}

/**
 * Asks Stripe (through Medusa's payment module) whether the session's payment went through and,
 * when it did, makes Medusa's payment for it. Authorizing a session twice gives the same payment,
 * so the confirm route and Stripe's webhook can both call this.
 */
export async function settleCardSession(payments: IPaymentModuleService, sessionId: string): Promise<SettledCardSession> {
  try {
    const payment = await payments.authorizePaymentSession(sessionId, {})
    const session = await payments.retrievePaymentSession(sessionId)
    // Null: the provider says the money is still on its way (never for cards); Stripe's event finishes it.
    if (!payment) return { outcome: "in_progress", payment_id: null, card: null, data: session.data ?? null }
    return { outcome: "paid", payment_id: payment.id, card: chargedCard(session.data), data: session.data ?? null }
  } catch {
    const session = await payments.retrievePaymentSession(sessionId)
    const pending = session.status === "requires_more" || session.status === "pending"
    return { outcome: pending ? "requires_action" : "failed", payment_id: null, card: null, data: session.data ?? null }
  }
}
