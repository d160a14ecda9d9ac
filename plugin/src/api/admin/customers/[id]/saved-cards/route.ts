import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { Modules } from "@medusajs/framework/utils"
import { listSavedCards } from "../../../../../utils/saved-cards"
import { answerCardProviderError } from "../../../../utils/errors"
import type { AdminSavedCardListResponse, ErrorResponse } from "@fieldservice/contract"

/** The customer's saved cards (brand, last four, expiry, the default), read from Stripe, for a booking staff take. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminSavedCardListResponse | ErrorResponse>) {
  // Another id is "not found" before Stripe is asked.
  await req.scope.resolve(Modules.CUSTOMER).retrieveCustomer(req.params.id, { select: ["id"] })
  try {
    const saved = await listSavedCards(req.scope, req.params.id)
    res.json({ card_payments: saved.enabled, saved_cards: saved.cards, default_card_id: saved.default_card_id })
  } catch (error) {
    answerCardProviderError(error, res)
  }
}
