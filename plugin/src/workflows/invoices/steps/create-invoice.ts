import type { MedusaContainer } from "@medusajs/framework/types"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { InvoiceParty, InvoiceSeller } from "@fieldservice/contract"
import { exactAmount, INVOICES_MODULE, invoiceTotals, lineAmounts, type InvoicesModuleService } from "../../../modules/invoices"

export const createInvoiceStepId = "create-invoice"
export const createInvoicesStepId = "create-invoices"

export type NewInvoiceLine = {
  description: string
  booking_id: string | null
  booking_number: string | null
  visit_date: Date | null
  visit_address: string | null
  quantity: number
  /** Decimal strings, so no float ever holds money. */
  unit_price: string
  tax_rate: string
  tax_code: string | null
}

export type NewInvoice = {
  customer_id: string
  /** Who pays: the customer, or their bill payer. */
  payer_id: string
  booking_id: string | null
  order_id: string | null
  business_profile_id: string | null
  currency_code: string
  bill_to: InvoiceParty
  seller: InvoiceSeller
  lines: NewInvoiceLine[]
  /** Consolidated invoices: the payer and period key, and the period's days. */
  billing_key?: string | null
  period_starts_on?: string | null
  period_closes_on?: string | null
}

/** A new invoice's rows: each line's amounts rounded once, the totals their sums, and the visits its lines bill. */
export function invoiceRecords(input: NewInvoice) {
  const lines = input.lines.map((line, rank) => ({ ...line, rank, ...lineAmounts(line, input.currency_code) }))
  const totals = invoiceTotals(lines)
  const { lines: _lines, ...fields } = input
  return {
    invoice: {
      ...fields,
      status: "draft",
      subtotal: exactAmount(totals.subtotal),
      tax_total: exactAmount(totals.tax_total),
      total: exactAmount(totals.total),
    },
    lines: lines.map((line) => ({
      ...line,
      unit_price: exactAmount(line.unit_price),
      tax_rate: exactAmount(line.tax_rate),
      subtotal: exactAmount(line.subtotal),
      tax_total: exactAmount(line.tax_total),
      total: exactAmount(line.total),
    })),
    booking_ids: lines.flatMap((line) => (line.booking_id ? [line.booking_id] : [])),
  }
}

/** Removes invoices a failed workflow made, with their lines and visits (which then wait again). */
export async function deleteMadeInvoices(container: MedusaContainer, ids: string[]) {
  if (!ids.length) return
  const invoices: InvoicesModuleService = container.resolve(INVOICES_MODULE)
  const lines = await invoices.listInvoiceLines({ invoice_id: ids }, { select: ["id"] })
  await invoices.deleteInvoiceLines(lines.map((line) => line.id))
  const visits = await invoices.listInvoicedVisits({ invoice_id: ids }, { select: ["id"] })
  await invoices.deleteInvoicedVisits(visits.map((visit) => visit.id))
  await invoices.deleteInvoices(ids)
}

/** A draft invoice with its lines and the visits it bills, written at once. */
export const createInvoiceStep = createStep(
  createInvoiceStepId,
  async (input: NewInvoice, { container }) => {
    const invoices: InvoicesModuleService = container.resolve(INVOICES_MODULE)
    const records = invoiceRecords(input)
    const invoice = await invoices.createInvoiceWithLines(records.invoice, records.lines, records.booking_ids)
    return new StepResponse(invoice, invoice.id)
  },
  async (id, { container }) => {
    if (id) await deleteMadeInvoices(container, [id])
  }
)

/**
 * Many draft invoices (a billing run's batch) in one transaction, a few statements for all of them:
 * any visit already billed, or a period's invoice made meanwhile, breaks a unique index and writes none.
 */
export const createInvoicesStep = createStep(
  createInvoicesStepId,
  async (input: NewInvoice[], { container }) => {
    const invoices: InvoicesModuleService = container.resolve(INVOICES_MODULE)
    const made = input.length ? await invoices.createManyInvoicesWithLines(input.map(invoiceRecords)) : []
    return new StepResponse(
      made,
      made.map((invoice) => invoice.id)
    )
  },
  async (ids, { container }) => {
    if (ids?.length) await deleteMadeInvoices(container, ids)
  }
)
