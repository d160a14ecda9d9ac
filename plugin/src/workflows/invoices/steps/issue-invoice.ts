import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { dueDateFor, INVOICES_MODULE, invoicePayerId, type InvoicesModuleService } from "../../../modules/invoices"
import type { LocalDate } from "../../../modules/services/time-zone"
import { SERVICES_MODULE, type ServicesModuleService } from "../../../modules/services"

export const issueInvoiceStepId = "issue-invoice"

export type IssueInvoiceInput = {
  invoice_id: string
  due_day?: LocalDate | null
  /** When the business issued it, for invoices recorded from elsewhere (the demo data, imports); never later than now. */
  issued_at?: Date | string | null
}

/**
 * Draft → issued: the next number, today's date and the due date by the first rule that applies
 * (a day set on the invoice, the customer's terms read now, the company default).
 */
export const issueInvoiceStep = createStep(
  issueInvoiceStepId,
  async (input: IssueInvoiceInput, { container }) => {
    const invoices: InvoicesModuleService = container.resolve(INVOICES_MODULE)
    const services: ServicesModuleService = container.resolve(SERVICES_MODULE)
    const invoice = await invoices.retrieveInvoice(input.invoice_id)
    if (invoice.status !== "draft") {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `Invoice ${invoice.number} is already issued.`)
    }
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({ entity: "customer", fields: ["customer_profile.payment_terms_days"], filters: { id: invoicePayerId(invoice) } })
    const terms = (data[0] as { customer_profile?: { payment_terms_days: number | null } | null } | undefined)?.customer_profile?.payment_terms_days
    const settings = await invoices.getSettings()
    const issuedAt = input.issued_at ? new Date(Math.min(new Date(input.issued_at).getTime(), Date.now())) : new Date()
    // A due date staff already set on the draft stays.
    const kept =
      !input.due_day && invoice.due_rule === "invoice" && invoice.due_at
        ? { due_at: new Date(invoice.due_at), due_rule: "invoice" as const, terms_days: null }
        : null
    const due = kept ?? dueDateFor(issuedAt, settings, terms, input.due_day ?? null, services.timeZone)
    if (due.due_at.getTime() < issuedAt.getTime() && due.due_rule === "invoice") {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, "The due date can't be before the issue date.")
    }
    const number = await invoices.nextNumber("invoice", issuedAt)
    const issued = await invoices.updateInvoices({ id: invoice.id, status: "issued", number, issued_at: issuedAt, ...due })
    return new StepResponse(issued, invoice.id)
  },
  async (id, { container }) => {
    if (!id) return
    // The number stays used: a sequence never hands it out again.
    const invoices: InvoicesModuleService = container.resolve(INVOICES_MODULE)
    await invoices.updateInvoices({ id, status: "draft", number: null, issued_at: null, due_at: null, due_rule: null, terms_days: null })
  }
)
