import type { BigNumberInput } from "@medusajs/framework/types"
import { MathBN } from "@medusajs/framework/utils"
import { BigNumber } from "bignumber.js"
import type { AgeingBucket, StatementEntry, StatementEntryKind, StatementOpenInvoice } from "@fieldservice/contract"

type Amount = InstanceType<typeof BigNumber>

export type LedgerInvoice = { id: string; number: string | null; issued_at: Date; due_at: Date | null; total: BigNumberInput; description: string }
export type LedgerCreditNote = { id: string; invoice_id: string; number: string; issued_at: Date; total: BigNumberInput; description: string }
export type LedgerPayment = {
  id: string
  invoice_id: string
  kind: "payment" | "refund"
  amount: BigNumberInput
  paid_at: Date
  reference: string | null
  description: string
}

export type LedgerInput = {
  invoices: LedgerInvoice[]
  credit_notes: LedgerCreditNote[]
  payments: LedgerPayment[]
  /** The period as instants: from its first moment, up to (not including) the moment after it. */
  start: Date
  end: Date
  /** The calendar day (YYYY-MM-DD) ages are counted at, and the day an instant falls on. */
  as_of: string
  dayOf: (instant: Date) => string
}

export type Ledger = {
  opening: Amount
  entries: (Omit<StatementEntry, "debit" | "credit" | "balance"> & { debit: Amount; credit: Amount; balance: Amount })[]
  total_debits: Amount
  total_credits: Amount
  closing: Amount
  ageing: Record<AgeingBucket, Amount> & { total: Amount; unapplied_credit: Amount }
  open_invoices: (Omit<StatementOpenInvoice, "total" | "balance"> & { total: Amount; balance: Amount })[]
}

/** Same moment: the invoice first, then what lowers it, then money back. */
const KIND_ORDER: Record<StatementEntryKind, number> = { invoice: 0, credit_note: 1, payment: 2, refund: 3 }

const big = (value: BigNumberInput): Amount => new BigNumber(MathBN.convert(value).toString())
const zero = () => new BigNumber(0)

const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000)

/** Days past due → bucket: not yet due (0 or less) is current. */
export function ageingBucket(daysOverdue: number): AgeingBucket {
  if (daysOverdue <= 0) return "current"
  if (daysOverdue <= 30) return "days_1_30"
  if (daysOverdue <= 60) return "days_31_60"
  if (daysOverdue <= 90) return "days_61_90"
  return "over_90"
}

/**
 * A customer's account over a period from their invoices, credit notes and payments (void invoices
 * already left out): what came before the period is the opening balance, each event inside it an
 * entry with the running balance, and what each invoice still owes at the end is aged by days past
 * its due date. Everything is summed exactly; a negative balance on an invoice (credited after it
 * was paid) is money the customer has in hand, not an age.
 */
export function buildLedger(input: LedgerInput): Ledger {
  const before = (instant: Date) => instant.getTime() < input.start.getTime()
  const within = (instant: Date) => !before(instant) && instant.getTime() < input.end.getTime()
  const invoices = input.invoices.filter((invoice) => invoice.issued_at.getTime() < input.end.getTime())
  const byId = new Map(invoices.map((invoice) => [invoice.id, invoice]))
  const owed = new Map(invoices.map((invoice) => [invoice.id, big(invoice.total)]))

  type Event = { id: string; kind: StatementEntryKind; at: Date; reference: string; description: string; invoice_id: string; signed: Amount }
  const events: Event[] = invoices.map((invoice) => ({
    id: invoice.id,
    kind: "invoice",
    at: invoice.issued_at,
    reference: invoice.number ?? "",
    description: invoice.description,
    invoice_id: invoice.id,
    signed: big(invoice.total),
  }))
  for (const note of input.credit_notes) {
    if (!byId.has(note.invoice_id) || note.issued_at.getTime() >= input.end.getTime()) continue
    events.push({
      id: note.id,
      kind: "credit_note",
      at: note.issued_at,
      reference: note.number,
      description: note.description,
      invoice_id: note.invoice_id,
      signed: big(note.total).negated(),
    })
  }
  for (const payment of input.payments) {
    if (!byId.has(payment.invoice_id) || payment.paid_at.getTime() >= input.end.getTime()) continue
    const amount = big(payment.amount)
    events.push({
      id: payment.id,
      kind: payment.kind,
      at: payment.paid_at,
      reference: payment.reference ?? byId.get(payment.invoice_id)!.number ?? "",
      description: payment.description,
      invoice_id: payment.invoice_id,
      signed: payment.kind === "refund" ? amount : amount.negated(),
    })
  }
  events.sort((a, b) => a.at.getTime() - b.at.getTime() || KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || a.id.localeCompare(b.id))

  let opening = zero()
  let balance = zero()
  let debits = zero()
  let credits = zero()
  const entries: Ledger["entries"] = []
  for (const event of events) {
    if (event.kind !== "invoice") owed.set(event.invoice_id, owed.get(event.invoice_id)!.plus(event.signed))
    if (before(event.at)) {
      opening = opening.plus(event.signed)
      balance = opening
      continue
    }
    if (!within(event.at)) continue
    balance = balance.plus(event.signed)
    const debit = event.signed.isNegative() ? zero() : event.signed
    const credit = event.signed.isNegative() ? event.signed.negated() : zero()
    debits = debits.plus(debit)
    credits = credits.plus(credit)
    entries.push({
      id: event.id,
      kind: event.kind,
      date: event.at.toISOString(),
      reference: event.reference,
      description: event.description,
      invoice_id: event.invoice_id,
      invoice_number: byId.get(event.invoice_id)!.number,
      debit,
      credit,
      balance,
    })
  }

  const ageing: Ledger["ageing"] = {
    current: zero(),
    days_1_30: zero(),
    days_31_60: zero(),
    days_61_90: zero(),
    over_90: zero(),
    total: zero(),
    unapplied_credit: zero(),
  }
  const open: Ledger["open_invoices"] = []
  for (const invoice of invoices) {
    const left = owed.get(invoice.id)!
    if (left.isNegative()) ageing.unapplied_credit = ageing.unapplied_credit.plus(left.negated())
    if (!left.isGreaterThan(0)) continue
    const days = invoice.due_at ? daysBetween(input.dayOf(invoice.due_at), input.as_of) : 0
    const bucket = ageingBucket(days)
    ageing[bucket] = ageing[bucket].plus(left)
    ageing.total = ageing.total.plus(left)
    open.push({
      id: invoice.id,
      number: invoice.number,
      issued_at: invoice.issued_at.toISOString(),
      due_at: invoice.due_at?.toISOString() ?? null,
      total: big(invoice.total),
      balance: left,
      days_overdue: days,
      bucket,
    })
  }
  open.sort((a, b) => a.issued_at.localeCompare(b.issued_at) || a.id.localeCompare(b.id))
  return { opening, entries, total_debits: debits, total_credits: credits, closing: opening.plus(debits).minus(credits), ageing, open_invoices: open }
}
