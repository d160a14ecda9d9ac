import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MathBN } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { capturePaymentWorkflow } from "@medusajs/medusa/core-flows"
import { BOOKING_MODULE, type BookingModuleService } from "../../../modules/booking"
import { INVOICES_MODULE, type InvoicesModuleService } from "../../../modules/invoices"
import { STRIPE_PROVIDER_ID } from "../../../utils/saved-cards"
import { applyInvoiceMoney } from "../../invoices/steps/record-invoice-payment"

type PaymentRow = {
  id: string
  provider_id: string
  amount: unknown
  captured_at: Date | null
  canceled_at: Date | null
  data?: Record<string, unknown> | null
}

/**
 * A consolidated invoice's visits booked with a saved card: each visit's hold is captured (no more
 * than that visit's lines) and recorded against the consolidated invoice, once per payment (its
 * key), so a rerun after a kill records nothing twice. Stripe can't take a capture back, so there
 * is nothing to undo.
 */
export const captureVisitCardsStep = createStep("capture-visit-cards", async (input: { invoice_ids: string[]; actor_id: string | null }, { container }) => {
  let captured = 0
  for (const invoice_id of input.invoice_ids) captured += await captureVisitCards(container, invoice_id, input.actor_id)
  return new StepResponse(captured)
})

async function captureVisitCards(container: MedusaContainer, invoiceId: string, actorId: string | null): Promise<number> {
  const invoices: InvoicesModuleService = container.resolve(INVOICES_MODULE)
  const input = { invoice_id: invoiceId, actor_id: actorId }
  const visits = await invoices.listInvoicedVisits({ invoice_id: input.invoice_id }, { select: ["booking_id"] })
  if (!visits.length) return 0
  const bookings: BookingModuleService = container.resolve(BOOKING_MODULE)
  const withCards = (await bookings.listBookings({ id: visits.map((v) => v.booking_id) })).filter((b) => b.card && b.order_id)
  if (!withCards.length) return 0
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "order", fields: ["id", "payment_collections.payments.*"], filters: { id: withCards.map((b) => b.order_id!) } })
  const lines = await invoices.listInvoiceLines({ invoice_id: input.invoice_id }, { select: ["booking_id", "total"] })
  let captured = 0
  for (const booking of withCards) {
    const order = (data as { id: string; payment_collections?: { payments?: PaymentRow[] }[] }[]).find((o) => o.id === booking.order_id)
    const held = (order?.payment_collections ?? [])
      .flatMap((c) => c.payments ?? [])
      .find((p) => p.provider_id === STRIPE_PROVIDER_ID && !p.captured_at && !p.canceled_at)
    if (!held) continue
    const visitTotal = MathBN.sum(0, ...lines.filter((line) => line.booking_id === booking.id).map((line) => line.total as unknown as number))
    const amount = MathBN.min(held.amount as number, visitTotal).toString()
    await capturePaymentWorkflow(container).run({ input: { payment_id: held.id, amount, captured_by: input.actor_id ?? undefined } })
    const card = booking.card as { brand?: string; last4?: string } | null
    await applyInvoiceMoney(invoices, {
      invoice_id: input.invoice_id,
      kind: "payment",
      method: "card",
      amount,
      card: card?.brand && card.last4 ? { brand: card.brand, last4: card.last4 } : null,
      reference: typeof held.data?.id === "string" ? held.data.id : null,
      medusa_payment_id: held.id,
      stripe_payment_intent_id: typeof held.data?.id === "string" ? held.data.id : null,
      recorded_by: input.actor_id,
      idempotency_key: `capture:${held.id}`,
    })
    captured++
  }
  return captured
}
