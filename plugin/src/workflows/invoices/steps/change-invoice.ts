import { MathBN, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { formatMoney } from "@fieldservice/contract"
import { exactAmount, INVOICES_MODULE, splitCredit, statusAfterMoney, type InvoicesModuleService } from "../../../modules/invoices"

type Snapshot = Record<string, unknown> & { id: string }

const invoiceName = (invoice: { number: string | null }) => (invoice.number ? `Invoice ${invoice.number}` : "This draft invoice")

/** Void: the invoice stays on record with its number, owing nothing. Money already received must be refunded first. */
export const voidInvoiceStep = createStep(
  "void-invoice",
  async (input: { invoice_id: string; reason: string }, { container }) => {
    const invoices: InvoicesModuleService = container.resolve(INVOICES_MODULE)
    const invoice = await invoices.retrieveInvoice(input.invoice_id)
    if (invoice.status === "void") throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `${invoiceName(invoice)} is already void.`)
    if (MathBN.gt(invoice.paid_total, 0)) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `${invoiceName(invoice)} has payments of ${formatMoney(Number(invoice.paid_total), invoice.currency_code)}. Record a refund first, or correct it with a credit note.`
      )
    }
    const updated = await invoices.updateInvoices({ id: invoice.id, status: "void", voided_at: new Date(), void_reason: input.reason })
    // Its visits are free to be invoiced again (the next run or "Bill now" picks them up).
    const visits = await invoices.listInvoicedVisits({ invoice_id: invoice.id }, { select: ["id"] })
    if (visits.length) await invoices.softDeleteInvoicedVisits(visits.map((visit) => visit.id))
    const undo = { id: invoice.id, status: invoice.status, voided_at: null, void_reason: null } as Snapshot
    return new StepResponse(updated, { invoice: undo, visit_ids: visits.map((visit) => visit.id) })
  },
  async (previous, { container }) => {
    if (!previous) return
    const invoices: InvoicesModuleService = container.resolve(INVOICES_MODULE)
    await invoices.updateInvoices(previous.invoice as never)
    if (previous.visit_ids.length) await invoices.restoreInvoicedVisits(previous.visit_ids)
  }
)

/**
 * A credit note for an amount (tax included) on an issued invoice, numbered from its own sequence.
 * It can't take the invoice below zero: at most the total less earlier credit notes.
 */
export const createCreditNoteStep = createStep(
  "create-credit-note",
  async (input: { invoice_id: string; amount: string; reason: string; created_by: string | null }, { container }) => {
    const invoices: InvoicesModuleService = container.resolve(INVOICES_MODULE)
    const invoice = await invoices.retrieveInvoice(input.invoice_id)
    if (invoice.status === "draft" || invoice.status === "void") {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `${invoiceName(invoice)} is ${invoice.status}: only an issued invoice takes a credit note.`)
    }
    if (!MathBN.gt(input.amount, 0)) throw new MedusaError(MedusaError.Types.INVALID_DATA, "The amount must be more than zero.")
    const creditable = MathBN.sub(invoice.total, invoice.credited_total)
    if (MathBN.gt(input.amount, creditable)) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `A credit note can't be more than what is left to credit on ${invoiceName(invoice)}: ${formatMoney(creditable.toNumber(), invoice.currency_code)}.`
      )
    }
    const parts = splitCredit(input.amount, invoice, invoice.currency_code)
    const issuedAt = new Date()
    const note = await invoices.createCreditNotes({
      invoice_id: invoice.id,
      number: await invoices.nextNumber("credit_note", issuedAt),
      reason: input.reason,
      issued_at: issuedAt,
      subtotal: exactAmount(parts.subtotal),
      tax_total: exactAmount(parts.tax_total),
      total: exactAmount(parts.total),
      created_by: input.created_by,
    })
    const credited = MathBN.add(invoice.credited_total, parts.total)
    await invoices.updateInvoices({
      id: invoice.id,
      credited_total: exactAmount(credited),
      status: statusAfterMoney({ ...invoice, credited_total: credited.toString() }),
    })
    return new StepResponse(note, {
      note_id: note.id,
      invoice: { id: invoice.id, credited_total: MathBN.convert(invoice.credited_total).toString(), status: invoice.status },
    })
  },
  async (previous, { container }) => {
    if (!previous) return
    const invoices: InvoicesModuleService = container.resolve(INVOICES_MODULE)
    await invoices.deleteCreditNotes(previous.note_id)
    await invoices.updateInvoices({ ...previous.invoice, credited_total: exactAmount(previous.invoice.credited_total) })
  }
)

/** A due date set on one invoice, overriding the customer's and the company's terms. */
export const setInvoiceDueDateStep = createStep(
  "set-invoice-due-date",
  async (input: { invoice_id: string; due_at: Date | string }, { container }) => {
    const invoices: InvoicesModuleService = container.resolve(INVOICES_MODULE)
    // A workflow's input arrives serialized: dates as ISO strings.
    const dueAt = new Date(input.due_at)
    const invoice = await invoices.retrieveInvoice(input.invoice_id)
    if (invoice.status === "void" || invoice.status === "paid") {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `${invoiceName(invoice)} is ${invoice.status}, so its due date no longer applies.`)
    }
    if (invoice.issued_at && dueAt.getTime() < new Date(invoice.issued_at).getTime()) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, "The due date can't be before the issue date.")
    }
    const updated = await invoices.updateInvoices({ id: invoice.id, due_at: dueAt, due_rule: "invoice" })
    return new StepResponse(updated, { id: invoice.id, due_at: invoice.due_at, due_rule: invoice.due_rule } as Snapshot)
  },
  async (previous, { container }) => {
    if (previous) await (container.resolve(INVOICES_MODULE) as InvoicesModuleService).updateInvoices(previous as never)
  }
)
