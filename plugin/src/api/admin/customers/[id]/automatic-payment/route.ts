import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { AdminAutomaticPaymentResponse, ErrorResponse } from "@fieldservice/contract"
import { loadAutomaticPayment } from "../../../../../queries/automatic-payments"
import { setAutomaticPaymentWorkflow } from "../../../../../workflows/automatic-payments/set-automatic-payment"
import { requestActor } from "../../../../utils/activity-actor"
import { answerCardProviderError } from "../../../../utils/errors"
import { customerForCards } from "../saved-cards/helpers"
import type { AdminSetAutomaticPaymentType } from "../../../automatic-payments/validators"

/** The customer page's "Automatic payment" card: on or off, who agreed and when, the card, the latest tries. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminAutomaticPaymentResponse | ErrorResponse>) {
  const customerId = await customerForCards(req)
  try {
    res.json(await loadAutomaticPayment(req.scope, customerId))
  } catch (error) {
    answerCardProviderError(error, res)
  }
}

/** Staff turn it off (at once); only the customer can turn it on, from their portal. */
export async function POST(req: AuthenticatedMedusaRequest<AdminSetAutomaticPaymentType>, res: MedusaResponse<AdminAutomaticPaymentResponse | ErrorResponse>) {
  const customerId = await customerForCards(req)
  const actor = await requestActor(req)
  await setAutomaticPaymentWorkflow(req.scope).run({ input: { customer_id: customerId, enabled: req.validatedBody.enabled, actor } })
  try {
    res.json(await loadAutomaticPayment(req.scope, customerId))
  } catch (error) {
    answerCardProviderError(error, res)
  }
}
