import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { setDefaultCardWorkflow } from "../../../../../../../workflows/saved-cards/saved-cards"
import { requestActor } from "../../../../../../utils/activity-actor"
import { answerCardProviderError } from "../../../../../../utils/errors"
import { cardIdOf, customerForCardChange } from "../../helpers"
import type { AdminSavedCardResponse, ErrorResponse } from "@fieldservice/contract"

/** Makes one of the customer's saved cards their default (Stripe's default, chosen first when booking). */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminSavedCardResponse | ErrorResponse>) {
  const customerId = await customerForCardChange(req)
  const id = cardIdOf(req)
  const actor = await requestActor(req)
  try {
    const { result } = await setDefaultCardWorkflow(req.scope).run({ input: { customer_id: customerId, card_id: id, actor } })
    res.json({ saved_card: result })
  } catch (error) {
    answerCardProviderError(error, res)
  }
}
