import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { startAddingCardWorkflow } from "../../../../../../workflows/saved-cards/saved-cards"
import { answerCardProviderError } from "../../../../../utils/errors"
import type { ErrorResponse, StoreSavedCardSetupResponse } from "@fieldservice/contract"

/**
 * "Add a card": a Stripe SetupIntent for the customer. The portal hands its client secret to
 * Stripe's card form, which sends the card to Stripe; our server never sees the number.
 */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse<StoreSavedCardSetupResponse | ErrorResponse>) {
  try {
    const { result } = await startAddingCardWorkflow(req.scope).run({ input: { customer_id: req.auth_context.actor_id } })
    res.status(201).json({ setup_intent: result })
  } catch (error) {
    answerCardProviderError(error, res)
  }
}
