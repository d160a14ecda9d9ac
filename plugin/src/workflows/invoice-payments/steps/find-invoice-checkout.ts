import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { INVOICES_MODULE, type InvoicesModuleService } from "../../../modules/invoices"

export const findInvoiceCheckoutStepId = "find-invoice-checkout"

/** The customer's attempt made with this idempotency key (a double click or a second tab), if any. */
export const findInvoiceCheckoutStep = createStep(findInvoiceCheckoutStepId, async (input: { customer_id: string; idempotency_key: string }, { container }) => {
  const invoices: InvoicesModuleService = container.resolve(INVOICES_MODULE)
  const [found] = await invoices.listInvoiceCheckouts({ customer_id: input.customer_id, idempotency_key: input.idempotency_key }, { take: 1 })
  return new StepResponse(found ? { id: found.id } : null)
})
