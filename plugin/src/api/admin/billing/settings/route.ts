import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { AdminBillingSettingsResponse, BillingSettings, PaymentTerms } from "@fieldservice/contract"
import { INVOICES_MODULE, type InvoicesModuleService } from "../../../../modules/invoices"
import { invoiceSeller } from "../../../../workflows/invoices/steps/booking-invoice-draft"
import { updateBillingSettingsWorkflow } from "../../../../workflows/invoices/update-billing-settings"
import type { AdminUpdateBillingSettingsType } from "../../invoices/validators"

async function present(scope: AuthenticatedMedusaRequest["scope"]): Promise<BillingSettings> {
  const invoices: InvoicesModuleService = scope.resolve(INVOICES_MODULE)
  const settings = await invoices.getSettings()
  return {
    invoice_prefix: settings.invoice_prefix,
    credit_note_prefix: settings.credit_note_prefix,
    issue_on_completion: settings.issue_on_completion,
    default_terms: settings.default_terms as PaymentTerms,
    default_terms_days: settings.default_terms_days ?? null,
    // What invoices print: the saved details, with the store's name and the office's contact filling gaps.
    seller: await invoiceSeller(scope),
  }
}

export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminBillingSettingsResponse>) {
  res.json({ settings: await present(req.scope) })
}

export async function POST(req: AuthenticatedMedusaRequest<AdminUpdateBillingSettingsType>, res: MedusaResponse<AdminBillingSettingsResponse>) {
  await updateBillingSettingsWorkflow(req.scope).run({ input: req.validatedBody })
  res.json({ settings: await present(req.scope) })
}
