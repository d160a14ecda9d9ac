import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { startAddingCardWorkflow } from "../../../../../../workflows/saved-cards/saved-cards"
import { requestActor } from "../../../../../utils/activity-actor"
import { answerCardProviderError } from "../../../../../utils/errors"
import { customerForCardChange } from "../helpers"
import type { AdminSavedCardSetupResponse, ErrorResponse } from "@fieldservice/contract"

/**
 * "Add card" on the customer page: a SetupIntent for the customer's Stripe customer (created
 * first if they have none). Stripe's card form in the admin sends the card straight to Stripe;
 * the staff member is named in the activity line written when Stripe confirms it.
 */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminSavedCardSetupResponse | ErrorResponse>) {
  const customerId = await customerForCardChange(req)
  const actor = await requestActor(req)
  try {
    const { result } = await startAddingCardWorkflow(req.scope).run({ input: { customer_id: customerId, actor } })
    res.status(201).json({ setup_intent: result })
  } catch (error) {
    answerCardProviderError(error, res)
  }
}
