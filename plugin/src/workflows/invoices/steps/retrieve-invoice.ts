import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { INVOICES_MODULE, type InvoicesModuleService } from "../../../modules/invoices"

/** The invoice as it is now (after the workflow's earlier writes). */
export const retrieveInvoiceStep = createStep("retrieve-invoice", async (input: { invoice_id: string }, { container }) => {
  const invoices: InvoicesModuleService = container.resolve(INVOICES_MODULE)
  return new StepResponse(await invoices.retrieveInvoice(input.invoice_id))
})
