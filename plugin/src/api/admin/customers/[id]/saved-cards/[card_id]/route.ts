import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { removeSavedCardWorkflow } from "../../../../../../workflows/saved-cards/saved-cards"
import { requestActor } from "../../../../../utils/activity-actor"
import { answerCardProviderError } from "../../../../../utils/errors"
import { cardIdOf, customerForCardChange } from "../helpers"
import type { AdminSavedCardDeleteResponse, ErrorResponse } from "@fieldservice/contract"

/** Removes one of the customer's saved cards (detached in Stripe); another customer's card is "not found". */
export async function DELETE(req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminSavedCardDeleteResponse | ErrorResponse>) {
  const customerId = await customerForCardChange(req)
  const id = cardIdOf(req)
  const actor = await requestActor(req)
  try {
    await removeSavedCardWorkflow(req.scope).run({ input: { customer_id: customerId, card_id: id, actor } })
    res.json({ id, object: "saved_card", deleted: true })
  } catch (error) {
    answerCardProviderError(error, res)
  }
}
