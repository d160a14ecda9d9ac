import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { ErrorResponse, StoreInvoiceCheckoutResponse, StorePastPaymentListResponse } from "@fieldservice/contract"
import { listPastPayments } from "../../../../../queries/invoice-payments"
import { startInvoiceCheckoutWorkflow } from "../../../../../workflows/invoice-payments/start-invoice-checkout"
import { answerInvoiceCheckout, answerInvoicePaymentError, finishInvoiceCheckout } from "./helpers"
import type { StoreCreateInvoicePaymentType } from "./validators"

/** Payments page, "Past payments": what the customer has paid on their invoices, newest first. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse<StorePastPaymentListResponse>) {
  res.json({ payments: await listPastPayments(req.scope, req.auth_context.actor_id) })
}

/**
 * Pays the customer's open invoices with a card. Paid at once: the invoices are marked paid and
 * the answer's status is "succeeded". A bank that wants 3-D Secure: "requires_action" with the
 * client secret for Stripe.js, nothing recorded until the confirm route (or Stripe's event). The
 * same idempotency key again gets the same attempt back, never a second charge.
 */
export async function POST(req: AuthenticatedMedusaRequest<StoreCreateInvoicePaymentType>, res: MedusaResponse<StoreInvoiceCheckoutResponse | ErrorResponse>) {
  const customerId = req.auth_context.actor_id
  try {
    const { result } = await startInvoiceCheckoutWorkflow(req.scope).run({ input: { ...req.validatedBody, customer_id: customerId } })
    answerInvoiceCheckout(res, await finishInvoiceCheckout(req.scope, result.id, customerId))
  } catch (error) {
    answerInvoicePaymentError(req.scope, res, error)
  }
}
