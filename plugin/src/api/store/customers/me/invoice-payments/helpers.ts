import type { MedusaContainer } from "@medusajs/framework/types"
import type { MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import type { ErrorResponse, StoreInvoiceCheckout, StoreInvoiceCheckoutResponse } from "@fieldservice/contract"
import { loadInvoiceCheckout } from "../../../../../queries/invoice-payments"
import { completeInvoiceCheckoutWorkflow } from "../../../../../workflows/invoice-payments/complete-invoice-checkout"

/**
 * Records the payment if Stripe has taken it (pending: charged, not recorded yet) and loads the
 * attempt as the customer sees it. Recording again is harmless: it happens once.
 */
export async function finishInvoiceCheckout(scope: MedusaContainer, id: string, customerId: string): Promise<StoreInvoiceCheckout> {
  const checkout = await loadInvoiceCheckout(scope, id, customerId)
  if (checkout.status !== "pending" && checkout.status !== "requires_action") return checkout
  await completeInvoiceCheckoutWorkflow(scope).run({ input: { checkout_id: id } })
  return loadInvoiceCheckout(scope, id, customerId)
}

/** 200 with the attempt (paid, or waiting for the bank's check); a failed one is 402 with its reason. */
export function answerInvoiceCheckout(res: MedusaResponse<StoreInvoiceCheckoutResponse | ErrorResponse>, checkout: StoreInvoiceCheckout) {
  if (checkout.status === "failed") {
    res.status(402).json({ type: "payment_declined", message: checkout.message ?? "The card payment didn't go through.", checkout } as ErrorResponse)
    return
  }
  res.json({ checkout })
}

/**
 * A declined card is 402 in Stripe's words (nothing was charged, nothing recorded); our own
 * refusals are 4xx as usual; Stripe or the network failing is 502.
 */
export function answerInvoicePaymentError(scope: MedusaContainer, res: MedusaResponse<ErrorResponse>, error: unknown) {
  if (MedusaError.isMedusaError(error)) {
    if ((error as MedusaError).type !== MedusaError.Types.PAYMENT_AUTHORIZATION_ERROR) throw error
    res.status(402).json({ type: "payment_declined", code: (error as MedusaError).code, message: (error as MedusaError).message })
    return
  }
  scope.resolve("logger").error(`Invoice payment failed: ${(error as Error)?.message}`)
  res.status(502).json({
    type: "card_provider_unavailable",
    message: "We couldn't reach our card payment provider just now. Nothing was recorded; please try again in a few minutes.",
  })
}
