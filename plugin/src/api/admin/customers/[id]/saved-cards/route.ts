import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { listSavedCards } from "../../../../../utils/saved-cards"
import { answerCardProviderError } from "../../../../utils/errors"
import { customerForCards } from "./helpers"
import type { AdminSavedCardListResponse, ErrorResponse } from "@fieldservice/contract"

/** The customer's saved cards (brand, last four, expiry, the default), read from Stripe: the customer page and a booking staff take. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminSavedCardListResponse | ErrorResponse>) {
  const customerId = await customerForCards(req)
  try {
    const saved = await listSavedCards(req.scope, customerId)
    res.json({ card_payments: saved.enabled, saved_cards: saved.cards, default_card_id: saved.default_card_id })
  } catch (error) {
    answerCardProviderError(error, res)
  }
}
