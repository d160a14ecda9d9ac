import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import type { DueDateRule, Invoice, InvoiceParty, InvoicePaymentMethod, InvoiceSeller, InvoiceStatus, InvoiceSummary } from "@fieldservice/contract"
import { dueRuleText, INVOICES_MODULE, invoiceBalance, invoicePayerId, isOverdue, paidByFilter, type InvoicesModuleService } from "../modules/invoices"

const RELATIONS = ["lines", "payments", "credit_notes"]
const iso = (value: Date | string | null | undefined) => (value ? new Date(value).toISOString() : null)
const num = (value: unknown) => Number(value ?? 0)

type InvoiceRow = Awaited<ReturnType<InvoicesModuleService["retrieveInvoice"]>>

/** The invoice's own fields, as the staff list sends them: amounts in the currency's main unit, overdue worked out now. */
export function presentInvoiceSummary(row: InvoiceRow, now = new Date()): InvoiceSummary {
  const status = row.status as InvoiceStatus
  const amounts = { status, total: row.total, credited_total: row.credited_total, paid_total: row.paid_total }
  return {
    id: row.id,
    number: row.number ?? null,
    status,
    overdue: isOverdue({ ...amounts, due_at: row.due_at }, now),
    customer_id: row.customer_id,
    payer_id: invoicePayerId(row),
    currency_code: row.currency_code,
    issued_at: iso(row.issued_at),
    due_at: iso(row.due_at),
    due_rule: (row.due_rule as DueDateRule | null) ?? null,
    due_rule_text: dueRuleText((row.due_rule as DueDateRule | null) ?? null, row.terms_days ?? null),
    bill_to: row.bill_to as unknown as InvoiceParty,
    seller: row.seller as unknown as InvoiceSeller,
    subtotal: num(row.subtotal),
    tax_total: num(row.tax_total),
    total: num(row.total),
    credited_total: num(row.credited_total),
    paid_total: num(row.paid_total),
    balance: invoiceBalance(amounts).toNumber(),
    order_id: row.order_id ?? null,
    voided_at: iso(row.voided_at),
    void_reason: row.void_reason ?? null,
    created_at: iso(row.created_at)!,
  }
}

/** The stored invoice as both APIs send it, with its lines, payments and credit notes. */
export function presentInvoice(row: InvoiceRow, now = new Date()): Invoice {
  const byRank = [...(row.lines ?? [])].sort((a, b) => a.rank - b.rank)
  return {
    ...presentInvoiceSummary(row, now),
    lines: byRank.map((line) => ({
      id: line.id,
      description: line.description,
      booking_id: line.booking_id ?? null,
      booking_number: line.booking_number ?? null,
      visit_date: iso(line.visit_date),
      visit_address: line.visit_address ?? null,
      quantity: line.quantity,
      unit_price: num(line.unit_price),
      tax_rate: num(line.tax_rate),
      tax_code: line.tax_code ?? null,
      subtotal: num(line.subtotal),
      tax_total: num(line.tax_total),
      total: num(line.total),
    })),
    booking_ids: [...new Set([row.booking_id, ...byRank.map((line) => line.booking_id)].filter((id): id is string => !!id))],
    period: row.period_closes_on ? { starts_on: row.period_starts_on ?? null, closes_on: row.period_closes_on } : null,
    payments: [...(row.payments ?? [])]
      .sort((a, b) => new Date(a.paid_at).getTime() - new Date(b.paid_at).getTime())
      .map((payment) => ({
        id: payment.id,
        kind: payment.kind,
        method: payment.method as InvoicePaymentMethod,
        amount: num(payment.amount),
        reference: payment.reference ?? null,
        paid_at: iso(payment.paid_at)!,
        card: (payment.card as { brand: string; last4: string } | null) ?? null,
        recorded_by: payment.recorded_by ?? null,
      })),
    credit_notes: (row.credit_notes ?? []).map((note) => ({
      id: note.id,
      number: note.number,
      issued_at: iso(note.issued_at)!,
      reason: note.reason,
      total: num(note.total),
    })),
  }
}

/**
 * One invoice with its lines, payments and credit notes. With `payer_id`, only one that customer
 * pays (their own, or one they are the bill payer of): anyone else's is "not found", as if it did not exist.
 */
export async function loadInvoice(scope: MedusaContainer, id: string, owner?: { payer_id: string }): Promise<Invoice> {
  const invoices: InvoicesModuleService = scope.resolve(INVOICES_MODULE)
  const [row] = await invoices.listInvoices({ id, ...(owner ? paidByFilter(owner.payer_id) : {}) }, { relations: RELATIONS, take: 1 })
  if (!row) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Invoice ${id} was not found`)
  return presentInvoice(row)
}

export async function loadInvoices(scope: MedusaContainer, ids: string[]): Promise<Invoice[]> {
  if (!ids.length) return []
  const invoices: InvoicesModuleService = scope.resolve(INVOICES_MODULE)
  const rows = await invoices.listInvoices({ id: ids }, { relations: RELATIONS })
  const byId = new Map(rows.map((row) => [row.id, presentInvoice(row)]))
  return ids.map((id) => byId.get(id)).filter((invoice): invoice is Invoice => !!invoice)
}
