import { json, redirect } from "@remix-run/node"
import type { Quote } from "@fieldservice/contract"

import { chosenCard, NEW_CARD_NEEDS_JS } from "~/components/card-choice"
import { toProblem } from "~/lib/api/api.server"
import { confirmQuoteDeposit, payQuoteDeposit, type QuoteAccess } from "~/lib/api/quotes.server"
import { listSavedCards, stripeBrowserConfig } from "~/lib/api/saved-cards.server"
import { isExpired } from "~/lib/saved-cards"

/**
 * The quote page's deposit (docs/decisions/quotes.md, "Deposit"): the cards to pay it with, and the
 * "Pay deposit" and bank-check answers. The signed-in customer sees their saved cards; through the
 * emailed link there is no account to list them from, so only a new card (Stripe's form) is offered.
 */
export async function depositCards(access: QuoteAccess, quote: Quote) {
  const stripe = stripeBrowserConfig()
  const none = { cardPayments: !!stripe.publishableKey, cards: [], defaultCardId: null as string | null, stripe }
  const asksDeposit = quote.deposit.kind !== "none" || !!quote.acceptance?.deposit
  if (!asksDeposit || !("token" in access)) return none
  const saved = await listSavedCards(access.token).catch(() => null)
  if (!saved) return none
  return { cardPayments: saved.card_payments, cards: saved.saved_cards.filter((card) => !isExpired(card)), defaultCardId: saved.default_card_id, stripe }
}

/** The card chosen on the accept form, when the quote asks a deposit (without one, or a new card without JavaScript: accepted, deposit to pay after). */
export function acceptanceCard(quote: Quote, form: FormData) {
  return quote.deposit.kind === "none" ? {} : (chosenCard(form) ?? {})
}

export type DepositActionData = { depositError?: string }

/** "Pay deposit" or, after the bank's check, how it ended: back to the quote, or the reason in words. */
export async function depositAction(access: QuoteAccess, quote: Quote, intent: string, form: FormData) {
  const back = (done: string) => redirect(`/quotes/${encodeURIComponent(quote.id)}?done=${done}`)
  try {
    if (intent === "deposit-confirm") {
      const after = await confirmQuoteDeposit(access, quote.id)
      return back(after.acceptance?.deposit?.status === "paid" ? "deposit_paid" : "deposit")
    }
    const card = chosenCard(form)
    if (!card) return json<DepositActionData>({ depositError: NEW_CARD_NEEDS_JS }, { status: 400 })
    const after = await payQuoteDeposit(access, quote.id, card)
    return back(after.acceptance?.deposit?.status === "paid" ? "deposit_paid" : "deposit")
  } catch (error) {
    const problem = toProblem(error)
    return json<DepositActionData>({ depositError: problem.message }, { status: problem.status })
  }
}
