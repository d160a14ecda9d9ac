import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { removeSavedCardWorkflow } from "../../../../../../workflows/saved-cards/saved-cards"
import { SAVED_CARD_ID } from "../validators"
import { answerCardProviderError } from "../../../../../utils/errors"
import type { ErrorResponse, StoreSavedCardDeleteResponse } from "@fieldservice/contract"

/** Removes one of the customer's saved cards (detached from them in Stripe); anyone else's is "not found". */
export async function DELETE(req: AuthenticatedMedusaRequest, res: MedusaResponse<StoreSavedCardDeleteResponse | ErrorResponse>) {
  const id = req.params.id
  if (!SAVED_CARD_ID.test(id)) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Saved card ${id} was not found`)
  try {
    await removeSavedCardWorkflow(req.scope).run({ input: { customer_id: req.auth_context.actor_id, card_id: id } })
    res.json({ id, object: "saved_card", deleted: true })
  } catch (error) {
    answerCardProviderError(error, res)
  }
}
