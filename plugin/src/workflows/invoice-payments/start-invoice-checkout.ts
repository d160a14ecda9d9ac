import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, createPaymentCollectionsStep, createPaymentSessionsWorkflow, releaseLockStep } from "@medusajs/medusa/core-flows"
import { chargeNowSessionData } from "../../utils/card-charge"
import { STRIPE_PROVIDER_ID } from "../../utils/saved-cards"
import { checkCheckoutPaymentStep } from "./steps/check-checkout-payment"
import { createInvoiceCheckoutStep } from "./steps/create-invoice-checkout"
import { findInvoiceCheckoutStep } from "./steps/find-invoice-checkout"
import { prepareInvoiceCheckoutStep } from "./steps/prepare-invoice-checkout"
import { updateInvoiceCheckoutStep } from "./steps/update-invoice-checkout"

export const startInvoiceCheckoutWorkflowId = "start-invoice-checkout"

export type StartInvoiceCheckoutInput = {
  customer_id: string
  invoice_ids: string[]
  saved_card_id?: string | null
  payment_method?: string | null
  save_card?: boolean
  idempotency_key: string
  /** An automatic charge (the customer agreed beforehand and isn't there): Stripe's off-session payment, no 3-D Secure asked. */
  off_session?: boolean
}

/**
 * "Pay" in the portal: the invoices' balances charged to a card through Medusa's payment module (a
 * payment collection of its own, not a cart, and a Stripe session confirmed at once, captured
 * automatically). A second request with the same key, even from another tab, waits for the first
 * (a lock per customer) and gets the same attempt back: one charge. A declined card undoes it all.
 * Recording the money is completeInvoiceCheckoutWorkflow's, once Stripe says it succeeded.
 */
export const startInvoiceCheckoutWorkflow = createWorkflow(startInvoiceCheckoutWorkflowId, (input: StartInvoiceCheckoutInput) => {
  const lockKey = transform({ input }, ({ input }) => `invoice-checkout:${input.customer_id}`)
  acquireLockStep({ key: lockKey, timeout: 30, ttl: 120 })
  const existing = findInvoiceCheckoutStep(transform({ input }, ({ input }) => ({ customer_id: input.customer_id, idempotency_key: input.idempotency_key })))

  const started = when("new-invoice-checkout", { existing }, ({ existing }) => !existing).then(() => {
    const prepared = prepareInvoiceCheckoutStep(input)
    const checkout = createInvoiceCheckoutStep(
      transform({ prepared, input }, ({ prepared, input }) => ({
        customer_id: input.customer_id,
        idempotency_key: input.idempotency_key,
        allocations: prepared.allocations,
        amount: prepared.amount,
        currency_code: prepared.currency_code,
        card: prepared.card,
      }))
    )
    const collections = createPaymentCollectionsStep(
      transform({ prepared }, ({ prepared }) => [{ currency_code: prepared.currency_code, amount: prepared.amount }])
    )
    const collection = transform({ collections }, ({ collections }) => collections[0])
    const session = createPaymentSessionsWorkflow.runAsStep({
      input: transform({ collection, prepared, input, checkout }, ({ collection, prepared, input, checkout }) => ({
        payment_collection_id: collection.id,
        provider_id: STRIPE_PROVIDER_ID,
        customer_id: input.customer_id,
        // On-session (the customer is paying now), so a bank may ask for 3-D Secure; charged at once.
        // Off-session (an automatic charge): a bank that wants the customer's check declines it instead.
        data: chargeNowSessionData({
          payment_method: prepared.payment_method,
          off_session: input.off_session,
          save_card: input.save_card && !input.saved_card_id,
          description: `Invoice${prepared.allocations.length > 1 ? "s" : ""} ${prepared.allocations.map((a) => a.number ?? a.invoice_id).join(", ")}`,
          metadata: { invoice_checkout_id: checkout.id, medusa_customer_id: input.customer_id },
        }),
      })),
    })
    const checked = checkCheckoutPaymentStep(session)
    updateInvoiceCheckoutStep(
      transform({ checkout, collection, checked, prepared }, ({ checkout, collection, checked, prepared }) => ({
        id: checkout.id,
        payment_collection_id: collection.id,
        payment_session_id: checked.session_id,
        payment_intent_id: checked.payment_intent_id,
        card: checked.card ?? prepared.card,
        status: checked.status === "requires_more" ? ("requires_action" as const) : ("pending" as const),
      }))
    )
    return checkout
  })
  releaseLockStep({ key: lockKey })
  return new WorkflowResponse(transform({ existing, started }, ({ existing, started }) => ({ id: (existing ?? started)!.id, repeated: !!existing })))
})
