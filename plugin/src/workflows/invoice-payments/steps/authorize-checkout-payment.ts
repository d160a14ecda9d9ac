import type { IPaymentModuleService } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { INVOICES_MODULE, type InvoicesModuleService, isAutomaticPaymentKey } from "../../../modules/invoices"
import type { CheckoutAllocation } from "./prepare-invoice-checkout"
import { settleCardSession } from "../../../utils/card-charge"
import { declineMessage } from "./check-checkout-payment"

export const authorizeCheckoutPaymentStepId = "authorize-checkout-payment"

export type CheckoutOutcome = {
  outcome: "paid" | "requires_action" | "failed" | "done" | "in_progress" | "gone"
  checkout_id: string
  customer_id: string
  currency_code: string
  allocations: CheckoutAllocation[]
  payment_id: string | null
  payment_intent_id: string | null
  card: { brand: string; last4: string } | null
  message: string | null
  /** Charged by the automatic-payment job (the customer agreed beforehand), not paid from the portal. */
  automatic?: boolean
}

/**
 * Asks Stripe (through Medusa's payment module) whether the attempt's payment went through, and
 * when it did, makes Medusa's payment for it. Only a payment Stripe says succeeded counts; a
 * finished attempt is left alone, so the confirm route and the webhook can both call this.
 */
export const authorizeCheckoutPaymentStep = createStep(authorizeCheckoutPaymentStepId, async (input: { checkout_id: string }, { container }) => {
  const invoices: InvoicesModuleService = container.resolve(INVOICES_MODULE)
  const payments: IPaymentModuleService = container.resolve(Modules.PAYMENT)
  const [checkout] = await invoices.listInvoiceCheckouts({ id: input.checkout_id }, { take: 1 })
  // A declined attempt is removed with everything else it made; Stripe's event about it finds nothing to do.
  if (!checkout) {
    const gone: CheckoutOutcome = {
      outcome: "gone",
      checkout_id: input.checkout_id,
      customer_id: "",
      currency_code: "",
      allocations: [],
      payment_id: null,
      payment_intent_id: null,
      card: null,
      message: null,
    }
    return new StepResponse(gone)
  }
  const base: CheckoutOutcome = {
    outcome: "done",
    checkout_id: checkout.id,
    customer_id: checkout.customer_id,
    currency_code: checkout.currency_code,
    allocations: checkout.allocations as unknown as CheckoutAllocation[],
    payment_id: null,
    payment_intent_id: checkout.payment_intent_id ?? null,
    card: (checkout.card as CheckoutOutcome["card"]) ?? null,
    message: checkout.note ?? null,
    automatic: isAutomaticPaymentKey(checkout.idempotency_key),
  }
  if (checkout.status === "succeeded" || checkout.status === "failed") return new StepResponse(base)
  // Stripe's event may come while the portal's request is still making the payment: that request finishes it.
  if (!checkout.payment_session_id) return new StepResponse({ ...base, outcome: "in_progress" as const })
  const settled = await settleCardSession(payments, checkout.payment_session_id)
  if (settled.outcome === "paid")
    return new StepResponse({ ...base, outcome: "paid" as const, payment_id: settled.payment_id, card: settled.card ?? base.card })
  const message = settled.outcome === "failed" ? declineMessage(settled.data) : base.message
  return new StepResponse({ ...base, outcome: settled.outcome, message })
})
