import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { setDefaultCardWorkflow } from "../../../../../../../workflows/saved-cards/saved-cards"
import { SAVED_CARD_ID } from "../../validators"
import { answerCardProviderError } from "../../../../../../utils/errors"
import type { ErrorResponse, StoreSavedCardResponse } from "@fieldservice/contract"

/** Makes one of the customer's saved cards their default (chosen first when booking, and Stripe's default). */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse<StoreSavedCardResponse | ErrorResponse>) {
  const id = req.params.id
  if (!SAVED_CARD_ID.test(id)) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Saved card ${id} was not found`)
  try {
    const { result } = await setDefaultCardWorkflow(req.scope).run({ input: { customer_id: req.auth_context.actor_id, card_id: id } })
    res.json({ saved_card: result })
  } catch (error) {
    answerCardProviderError(error, res)
  }
}
