import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { ErrorResponse, StoreAutomaticPaymentResponse } from "@fieldservice/contract"
import { loadAutomaticPayment } from "../../../../../queries/automatic-payments"
import { setAutomaticPaymentWorkflow } from "../../../../../workflows/automatic-payments/set-automatic-payment"
import { answerCardProviderError } from "../../../../utils/errors"
import type { StoreSetAutomaticPaymentType } from "./validators"

/** Payments page: whether invoices are charged automatically, to which card, and the latest tries. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse<StoreAutomaticPaymentResponse | ErrorResponse>) {
  try {
    res.json(await loadAutomaticPayment(req.scope, req.auth_context.actor_id))
  } catch (error) {
    answerCardProviderError(error, res)
  }
}

/**
 * The customer agrees to have invoices charged to their default saved card on the due date, or
 * stops it (at once: the next charge checks it). Turning it on needs a saved card.
 */
export async function POST(req: AuthenticatedMedusaRequest<StoreSetAutomaticPaymentType>, res: MedusaResponse<StoreAutomaticPaymentResponse | ErrorResponse>) {
  const customerId = req.auth_context.actor_id
  try {
    await setAutomaticPaymentWorkflow(req.scope).run({
      input: { customer_id: customerId, enabled: req.validatedBody.enabled, actor: { type: "customer", id: customerId } },
    })
    res.json(await loadAutomaticPayment(req.scope, customerId))
  } catch (error) {
    answerCardProviderError(error, res)
  }
}
