import { createStep, createWorkflow, StepResponse, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { BillingSettings } from "@fieldservice/contract"
import { INVOICES_MODULE, type InvoicesModuleService } from "../../modules/invoices"

type Changes = Partial<BillingSettings>

const updateBillingSettingsStep = createStep(
  "update-billing-settings",
  async (input: Changes, { container }) => {
    const invoices: InvoicesModuleService = container.resolve(INVOICES_MODULE)
    const current = await invoices.getSettings()
    const updated = await invoices.updateBillingSettings({
      id: current.id,
      ...input,
      seller: (input.seller ?? current.seller) as Record<string, unknown> | null,
    })
    const { id, invoice_prefix, credit_note_prefix, issue_on_completion, default_terms, default_terms_days, seller } = current
    return new StepResponse(updated, { id, invoice_prefix, credit_note_prefix, issue_on_completion, default_terms, default_terms_days, seller })
  },
  async (previous, { container }) => {
    if (previous) await (container.resolve(INVOICES_MODULE) as InvoicesModuleService).updateBillingSettings(previous)
  }
)

/** Settings → Billing: numbering, issuing on completion, default terms, and the business's invoice details. */
export const updateBillingSettingsWorkflow = createWorkflow(
  "update-billing-settings",
  (input: Changes) => new WorkflowResponse(updateBillingSettingsStep(input))
)
