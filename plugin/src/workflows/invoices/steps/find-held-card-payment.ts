import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { STRIPE_PROVIDER_ID } from "../../../utils/saved-cards"
import { INVOICES_MODULE, type InvoicesModuleService } from "../../../modules/invoices"

export const findHeldCardPaymentStepId = "find-held-card-payment"

type PaymentRow = {
  id: string
  provider_id: string
  amount: unknown
  captured_at: Date | null
  canceled_at: Date | null
  data?: Record<string, unknown> | null
}

export type HeldCardPayment = { payment_id: string; amount: string; payment_intent_id: string | null; card: { brand: string; last4: string } | null }

/**
 * The card hold placed when the visit was booked (a Stripe payment authorized, not captured), up to
 * the invoice's balance. Pay-on-the-day bookings have none.
 */
export const findHeldCardPaymentStep = createStep(findHeldCardPaymentStepId, async (input: { invoice_id: string }, { container }) => {
  const invoices: InvoicesModuleService = container.resolve(INVOICES_MODULE)
  const invoice = await invoices.retrieveInvoice(input.invoice_id)
  if (!invoice.order_id || !invoice.booking_id) return new StepResponse<HeldCardPayment | null>(null)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "order",
    fields: ["payment_collections.payments.*"],
    filters: { id: invoice.order_id },
  })
  const payments = ((data[0] as { payment_collections?: { payments?: PaymentRow[] }[] } | undefined)?.payment_collections ?? []).flatMap(
    (c) => c.payments ?? []
  )
  const held = payments.find((payment) => payment.provider_id === STRIPE_PROVIDER_ID && !payment.captured_at && !payment.canceled_at)
  if (!held) return new StepResponse<HeldCardPayment | null>(null)
  const { data: bookings } = await query.graph({ entity: "booking", fields: ["card"], filters: { id: invoice.booking_id } })
  const card = (bookings[0] as { card?: { brand?: string; last4?: string } | null } | undefined)?.card
  return new StepResponse<HeldCardPayment | null>({
    payment_id: held.id,
    amount: String(held.amount),
    payment_intent_id: typeof held.data?.id === "string" ? held.data.id : null,
    card: card?.brand && card.last4 ? { brand: card.brand, last4: card.last4 } : null,
  })
})
