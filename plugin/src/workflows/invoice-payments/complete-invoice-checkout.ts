import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, emitEventStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { formatMoney } from "@fieldservice/contract"
import { type ActivityEntry, recordActivityStep } from "../customer-profile/steps/record-activity"
import { authorizeCheckoutPaymentStep } from "./steps/authorize-checkout-payment"
import { recordCheckoutPaymentsStep } from "./steps/record-checkout-payments"
import { updateInvoiceCheckoutStep } from "./steps/update-invoice-checkout"

export const INVOICE_CHECKOUT_PAID = "invoice.checkout_paid"
export const completeInvoiceCheckoutWorkflowId = "complete-invoice-checkout"

/**
 * Finishes an online payment once Stripe says it succeeded: right after the customer paid, after
 * their bank's 3-D Secure check (the confirm route), or when Stripe's event arrives, whichever
 * comes first. A lock per attempt and the payments' idempotency keys record the money once; the
 * customer gets one receipt for the whole payment.
 */
export const completeInvoiceCheckoutWorkflow = createWorkflow(completeInvoiceCheckoutWorkflowId, (input: { checkout_id: string }) => {
  const lockKey = transform({ input }, ({ input }) => `invoice-checkout-complete:${input.checkout_id}`)
  acquireLockStep({ key: lockKey, timeout: 30, ttl: 120 })
  const result = authorizeCheckoutPaymentStep(input)

  when("invoice-checkout-paid", { result }, ({ result }) => result.outcome === "paid").then(() => {
    const recorded = recordCheckoutPaymentsStep(result)
    recordActivityStep(
      transform({ result, recorded }, ({ result, recorded }) => {
        const customer = { type: "customer" as const, id: result.customer_id }
        const entries: ActivityEntry[] = recorded.recorded
          .filter((item) => item.recorded)
          .map((item) => ({
            customer_id: result.customer_id,
            kind: "invoice_payment_recorded",
            message: `A card payment of ${formatMoney(Number(item.amount), result.currency_code)} on invoice ${item.number ?? item.invoice_id} was ${result.automatic ? "charged automatically to the saved card" : "made online"}${result.card ? ` (${result.card.brand} ending ${result.card.last4})` : ""}.`,
            data: {
              invoice_id: item.invoice_id,
              number: item.number,
              amount: item.amount,
              method: "card",
              checkout_id: result.checkout_id,
              automatic: !!result.automatic,
            },
            actor: result.automatic ? { type: "system" as const } : customer,
          }))
        // Settled another way while the customer paid: the office sees what to give back, and from which payment.
        if (Number(recorded.unapplied) > 0) {
          entries.push({
            customer_id: result.customer_id,
            kind: "invoice_payment_unapplied",
            message: `${formatMoney(Number(recorded.unapplied), result.currency_code)} of a card payment made online was more than the invoices still owed (paid another way meanwhile): refund it from Stripe payment ${result.payment_intent_id ?? result.checkout_id}.`,
            data: { amount: recorded.unapplied, method: "card", checkout_id: result.checkout_id, payment_intent_id: result.payment_intent_id },
            actor: customer,
          })
        }
        return entries
      })
    )
    updateInvoiceCheckoutStep(
      transform({ result, recorded }, ({ result, recorded }) => ({
        id: result.checkout_id,
        status: "succeeded" as const,
        card: result.card,
        completed_at: new Date(),
        note:
          Number(recorded.unapplied) > 0 ? `${formatMoney(Number(recorded.unapplied), result.currency_code)} was not owed any more when it was paid.` : null,
      }))
    ).config({ name: "mark-invoice-checkout-succeeded" })
    emitEventStep({ eventName: INVOICE_CHECKOUT_PAID, data: transform({ result }, ({ result }) => ({ id: result.checkout_id })) })
  })

  when("invoice-checkout-failed", { result }, ({ result }) => result.outcome === "failed" || result.outcome === "requires_action").then(() => {
    updateInvoiceCheckoutStep(
      transform({ result }, ({ result }) => ({
        id: result.checkout_id,
        status: result.outcome === "failed" ? ("failed" as const) : ("requires_action" as const),
        note: result.message,
        completed_at: result.outcome === "failed" ? new Date() : null,
      }))
    ).config({ name: "mark-invoice-checkout-unpaid" })
  })

  releaseLockStep({ key: lockKey })
  return new WorkflowResponse(transform({ result }, ({ result }) => ({ id: result.checkout_id, outcome: result.outcome })))
})
