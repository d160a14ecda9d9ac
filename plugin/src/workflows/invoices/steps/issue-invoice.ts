import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { dueDateFor, INVOICES_MODULE, invoicePayerId, type InvoicesModuleService } from "../../../modules/invoices"
import type { LocalDate } from "../../../modules/services/time-zone"
import { SERVICES_MODULE, type ServicesModuleService } from "../../../modules/services"

export const issueInvoiceStepId = "issue-invoice"
export const issueInvoicesStepId = "issue-invoices"

export type IssueInvoiceInput = {
  invoice_id: string
  due_day?: LocalDate | null
  /** When the business issued it, for invoices recorded from elsewhere (the demo data, imports); never later than now. */
  issued_at?: Date | string | null
}

type Draft = { id: string; customer_id: string; payer_id?: string | null; due_rule?: string | null; due_at?: Date | string | null }

/**
 * What issuing drafts sets on each: the next numbers (taken from the sequence at once), the issue
 * date and the due date by the first rule that applies (a day set on the invoice, the payer's
 * terms read now, the company default).
 */
async function issuedFields(container: MedusaContainer, drafts: Draft[], issuedAt: Date, dueDay: LocalDate | null) {
  const invoices: InvoicesModuleService = container.resolve(INVOICES_MODULE)
  const services: ServicesModuleService = container.resolve(SERVICES_MODULE)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "customer",
    fields: ["id", "customer_profile.payment_terms_days"],
    filters: { id: [...new Set(drafts.map(invoicePayerId))] },
  })
  const terms = new Map(
    (data as { id: string; customer_profile?: { payment_terms_days: number | null } | null }[]).map((row) => [row.id, row.customer_profile?.payment_terms_days])
  )
  const settings = await invoices.getSettings()
  const numbers = await invoices.nextNumbers("invoice", drafts.length, issuedAt)
  return drafts.map((invoice, index) => {
    // A due date staff already set on the draft stays.
    const kept =
      !dueDay && invoice.due_rule === "invoice" && invoice.due_at ? { due_at: new Date(invoice.due_at), due_rule: "invoice" as const, terms_days: null } : null
    const due = kept ?? dueDateFor(issuedAt, settings, terms.get(invoicePayerId(invoice)), dueDay, services.timeZone)
    return { id: invoice.id, status: "issued" as const, number: numbers[index], issued_at: issuedAt, ...due }
  })
}

/** Back to drafts when a later step fails. The numbers stay used: a sequence never hands one out again. */
async function backToDrafts(container: MedusaContainer, ids: string[]) {
  const invoices: InvoicesModuleService = container.resolve(INVOICES_MODULE)
  await invoices.updateInvoices(
    ids.map((id) => ({ id, status: "draft" as const, number: null, issued_at: null, due_at: null, due_rule: null, terms_days: null }))
  )
}

/** Draft → issued: its number, its issue date and its due date. */
export const issueInvoiceStep = createStep(
  issueInvoiceStepId,
  async (input: IssueInvoiceInput, { container }) => {
    const invoices: InvoicesModuleService = container.resolve(INVOICES_MODULE)
    const invoice = await invoices.retrieveInvoice(input.invoice_id)
    if (invoice.status !== "draft") {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `Invoice ${invoice.number} is already issued.`)
    }
    const issuedAt = input.issued_at ? new Date(Math.min(new Date(input.issued_at).getTime(), Date.now())) : new Date()
    const [fields] = await issuedFields(container, [invoice], issuedAt, input.due_day ?? null)
    if (fields.due_at.getTime() < issuedAt.getTime() && fields.due_rule === "invoice") {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, "The due date can't be before the issue date.")
    }
    const issued = await invoices.updateInvoices(fields)
    return new StepResponse(issued, invoice.id)
  },
  async (id, { container }) => {
    if (id) await backToDrafts(container, [id])
  }
)

/** Many drafts issued at once (a billing run's batch); any no longer a draft are left as they are. */
export const issueInvoicesStep = createStep(
  issueInvoicesStepId,
  async (input: { invoice_ids: string[] }, { container }) => {
    const invoices: InvoicesModuleService = container.resolve(INVOICES_MODULE)
    const drafts = input.invoice_ids.length ? await invoices.listInvoices({ id: input.invoice_ids, status: "draft" }, { order: { created_at: "ASC" } }) : []
    if (!drafts.length) return new StepResponse([] as Awaited<ReturnType<InvoicesModuleService["listInvoices"]>>, [] as string[])
    const issued = await invoices.updateInvoices(await issuedFields(container, drafts, new Date(), null))
    return new StepResponse(
      issued,
      issued.map((invoice) => invoice.id)
    )
  },
  async (ids, { container }) => {
    if (ids?.length) await backToDrafts(container, ids)
  }
)
