import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { ErrorResponse, StoreInvoiceCheckoutResponse } from "@fieldservice/contract"
import { answerInvoiceCheckout, answerInvoicePaymentError, finishInvoiceCheckout } from "../../helpers"

/**
 * After the bank's check in the browser (Stripe.js `handleNextAction`): asks Stripe how the payment
 * ended and records it once. Still waiting for the check: "requires_action" again; the bank said
 * no: 402, the invoices as they were.
 */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse<StoreInvoiceCheckoutResponse | ErrorResponse>) {
  try {
    answerInvoiceCheckout(res, await finishInvoiceCheckout(req.scope, req.params.id, req.auth_context.actor_id))
  } catch (error) {
    answerInvoicePaymentError(req.scope, res, error)
  }
}
