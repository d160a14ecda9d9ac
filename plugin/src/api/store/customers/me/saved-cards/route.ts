import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { listSavedCards } from "../../../../../utils/saved-cards"
import { answerCardProviderError } from "../../../../utils/errors"
import type { ErrorResponse, StoreSavedCardListResponse } from "@fieldservice/contract"

/**
 * Payments page: the customer's saved cards (brand, last four, expiry, which is the default),
 * read from Stripe. `card_payments` is false when the business hasn't set up Stripe.
 */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse<StoreSavedCardListResponse | ErrorResponse>) {
  try {
    const saved = await listSavedCards(req.scope, req.auth_context.actor_id)
    res.json({ card_payments: saved.enabled, saved_cards: saved.cards, default_card_id: saved.default_card_id })
  } catch (error) {
    answerCardProviderError(error, res)
  }
}
