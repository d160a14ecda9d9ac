import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { exactAmount, INVOICES_MODULE, type InvoicesModuleService } from "../../../modules/invoices"
import type { CheckoutAllocation } from "./prepare-invoice-checkout"

export const createInvoiceCheckoutStepId = "create-invoice-checkout"

export type CreateInvoiceCheckoutInput = {
  customer_id: string
  idempotency_key: string
  allocations: CheckoutAllocation[]
  amount: string
  currency_code: string
  card: { brand: string; last4: string } | null
}

/** The attempt's record, before Stripe is asked anything; removed again if the card is declined. */
export const createInvoiceCheckoutStep = createStep(
  createInvoiceCheckoutStepId,
  async (input: CreateInvoiceCheckoutInput, { container }) => {
    const invoices: InvoicesModuleService = container.resolve(INVOICES_MODULE)
    const checkout = await invoices.createInvoiceCheckouts({
      ...input,
      allocations: input.allocations as unknown as Record<string, unknown>,
      amount: exactAmount(input.amount),
      status: "pending",
    })
    return new StepResponse({ id: checkout.id }, checkout.id)
  },
  async (id, { container }) => {
    if (!id) return
    const invoices: InvoicesModuleService = container.resolve(INVOICES_MODULE)
    await invoices.deleteInvoiceCheckouts(id)
  }
)
