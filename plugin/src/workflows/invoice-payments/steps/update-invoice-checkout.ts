import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { InvoiceCheckoutStatus } from "@fieldservice/contract"
import { INVOICES_MODULE, type InvoicesModuleService } from "../../../modules/invoices"

export const updateInvoiceCheckoutStepId = "update-invoice-checkout"

export type InvoiceCheckoutChange = {
  id: string
  status?: InvoiceCheckoutStatus
  payment_collection_id?: string
  payment_session_id?: string
  payment_intent_id?: string | null
  card?: { brand: string; last4: string } | null
  note?: string | null
  completed_at?: Date | null
}

/** What became of the attempt: its Stripe payment, then how it ended. */
export const updateInvoiceCheckoutStep = createStep(updateInvoiceCheckoutStepId, async (input: InvoiceCheckoutChange, { container }) => {
  const invoices: InvoicesModuleService = container.resolve(INVOICES_MODULE)
  const { card, ...rest } = input
  const changes = card === undefined ? rest : { ...rest, card: card as Record<string, unknown> | null }
  await invoices.updateInvoiceCheckouts(changes)
  return new StepResponse({ id: input.id })
})
