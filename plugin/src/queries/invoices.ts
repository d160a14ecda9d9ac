import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import type { DueDateRule, Invoice, InvoiceParty, InvoicePaymentMethod, InvoiceSeller, InvoiceStatus } from "@fieldservice/contract"
import { dueRuleText, INVOICES_MODULE, invoiceBalance, isOverdue, type InvoicesModuleService } from "../modules/invoices"

const RELATIONS = ["lines", "payments", "credit_notes"]
const iso = (value: Date | string | null | undefined) => (value ? new Date(value).toISOString() : null)
const num = (value: unknown) => Number(value ?? 0)

type InvoiceRow = Awaited<ReturnType<InvoicesModuleService["retrieveInvoice"]>>

/** The stored invoice as both APIs send it: amounts in the currency's main unit, overdue worked out now. */
export function presentInvoice(row: InvoiceRow, now = new Date()): Invoice {
  const status = row.status as InvoiceStatus
  const amounts = { status, total: row.total, credited_total: row.credited_total, paid_total: row.paid_total }
  const byRank = [...(row.lines ?? [])].sort((a, b) => a.rank - b.rank)
  return {
    id: row.id,
    number: row.number ?? null,
    status,
    overdue: isOverdue({ ...amounts, due_at: row.due_at }, now),
    customer_id: row.customer_id,
    currency_code: row.currency_code,
    issued_at: iso(row.issued_at),
    due_at: iso(row.due_at),
    due_rule: (row.due_rule as DueDateRule | null) ?? null,
    due_rule_text: dueRuleText((row.due_rule as DueDateRule | null) ?? null, row.terms_days ?? null),
    bill_to: row.bill_to as unknown as InvoiceParty,
    seller: row.seller as unknown as InvoiceSeller,
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
    subtotal: num(row.subtotal),
    tax_total: num(row.tax_total),
    total: num(row.total),
    credited_total: num(row.credited_total),
    paid_total: num(row.paid_total),
    balance: invoiceBalance(amounts).toNumber(),
    booking_ids: [...new Set([row.booking_id, ...byRank.map((line) => line.booking_id)].filter((id): id is string => !!id))],
    order_id: row.order_id ?? null,
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
    voided_at: iso(row.voided_at),
    void_reason: row.void_reason ?? null,
    created_at: iso(row.created_at)!,
  }
}

/**
 * One invoice with its lines, payments and credit notes. With `customer_id`, only that customer's:
 * anyone else's invoice is "not found", as if it did not exist.
 */
export async function loadInvoice(scope: MedusaContainer, id: string, owner?: { customer_id: string }): Promise<Invoice> {
  const invoices: InvoicesModuleService = scope.resolve(INVOICES_MODULE)
  const [row] = await invoices.listInvoices({ id, ...(owner ? { customer_id: owner.customer_id } : {}) }, { relations: RELATIONS, take: 1 })
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
