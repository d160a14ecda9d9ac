// Account statements (issue #17 item 6, seed 003): a customer's invoices, credit notes, payments
// and refunds over a period, with the balance brought forward, the balance at the end and how old
// what is owed is. Amounts are numbers in the currency's main unit, summed as BigNumbers on the server.
import type { InvoiceSeller } from "./invoices"

/** An invoice issued is a debit; a credit note or a payment is a credit; a refund (money given back) is a debit. */
export const STATEMENT_ENTRY_KINDS = ["invoice", "credit_note", "payment", "refund"] as const
export type StatementEntryKind = (typeof STATEMENT_ENTRY_KINDS)[number]

export const STATEMENT_ENTRY_LABELS: Record<StatementEntryKind, string> = {
  invoice: "Invoice",
  credit_note: "Credit note",
  payment: "Payment",
  refund: "Refund",
}

export type StatementEntry = {
  id: string
  kind: StatementEntryKind
  /** When it happened (ISO); the list is in this order. */
  date: string
  /** The invoice's or credit note's number, or the payment's own reference. */
  reference: string
  description: string
  invoice_id: string
  invoice_number: string | null
  /** What it adds to the balance (an invoice, a refund) or takes off it (a credit note, a payment): one of the two is 0. */
  debit: number
  credit: number
  /** The balance after this entry. */
  balance: number
}

/** Days past each invoice's due date, at the statement's end (or today, when that is earlier). */
export const AGEING_BUCKETS = ["current", "days_1_30", "days_31_60", "days_61_90", "over_90"] as const
export type AgeingBucket = (typeof AGEING_BUCKETS)[number]

export const AGEING_BUCKET_LABELS: Record<AgeingBucket, string> = {
  current: "Current",
  days_1_30: "1–30 days",
  days_31_60: "31–60 days",
  days_61_90: "61–90 days",
  over_90: "Over 90 days",
}

export type StatementAgeing = Record<AgeingBucket, number> & {
  /** The day the ages are counted at (YYYY-MM-DD, the business's calendar). */
  as_of: string
  /** The sum of the buckets: what is owed on invoices. */
  total: number
  /** Money the customer has in hand with us (credited or paid beyond an invoice), not yet set against one. */
  unapplied_credit: number
}

/** An invoice with money still owed at the statement's end. */
export type StatementOpenInvoice = {
  id: string
  number: string | null
  issued_at: string
  due_at: string | null
  total: number
  balance: number
  /** 0 or less: not yet due. */
  days_overdue: number
  bucket: AgeingBucket
}

export type StatementCustomer = {
  id: string
  name: string
  company: string | null
  email: string
  address_lines: string[]
}

export type AccountStatement = {
  customer: StatementCustomer
  seller: InvoiceSeller
  /** Whole days of the business's calendar, both included (YYYY-MM-DD). */
  period: { from: string; to: string }
  currency_code: string
  /** The business's time zone: the days of the period and the entries' dates are in it. */
  time_zone: string
  /** Everything issued, credited, paid and refunded before `from`; void invoices left out. */
  opening_balance: number
  entries: StatementEntry[]
  total_debits: number
  total_credits: number
  /** opening + debits − credits. */
  closing_balance: number
  ageing: StatementAgeing
  open_invoices: StatementOpenInvoice[]
  generated_at: string
}

export type AdminStatementResponse = { statement: AccountStatement }
export type StoreStatementResponse = { statement: AccountStatement }
export type AdminEmailStatementResponse = { sent_to: string; notification_id: string }
