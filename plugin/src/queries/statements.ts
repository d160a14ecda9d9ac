import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import {
  formatAddress,
  formatMoney,
  PAYMENT_METHOD_LABELS,
  type AccountStatement,
  type InvoicePaymentMethod,
  type StatementCustomer,
} from "@fieldservice/contract"
import { INVOICES_MODULE, paidByFilter, type InvoicesModuleService } from "../modules/invoices"
import { buildLedger } from "../modules/invoices/statement"
import { SERVICES_MODULE, type ServicesModuleService } from "../modules/services"
import { addDays, dayBoundary, type LocalDate, localDateOf } from "../modules/services/time-zone"
import { invoiceSeller } from "../workflows/invoices/steps/booking-invoice-draft"

/** Issued invoices count; drafts were never sent and void ones are cancelled (their money refunded first). */
const ON_ACCOUNT = ["issued", "partially_paid", "paid"]

const isoDay = (day: LocalDate) => `${day.year}-${String(day.month).padStart(2, "0")}-${String(day.day).padStart(2, "0")}`
const parseDay = (value: string): LocalDate => {
  const [year, month, day] = value.split("-").map(Number)
  return { year, month, day }
}

/** A Medusa money column as read: its exact raw value when selected, else the number. */
const exact = (row: Record<string, unknown>, field: string) => (row[`raw_${field}`] ?? row[field] ?? 0) as never

export type StatementPeriodInput = { from?: string; to?: string }

/**
 * The period asked for, in whole days of the business's calendar: by default the twelve months
 * up to today (or up to `to`).
 */
export function statementPeriodDays(period: StatementPeriodInput, timeZone: string, now: Date): { from: string; to: string } {
  const to = period.to ?? isoDay(localDateOf(now, timeZone))
  const end = parseDay(to)
  const from = period.from ?? isoDay(addDays({ ...end, year: end.year - 1 }, 1))
  if (from > to) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `The statement can't start (${from}) after it ends (${to}). Choose an earlier from date.`)
  }
  return { from, to }
}

async function statementCustomer(scope: MedusaContainer, customerId: string): Promise<StatementCustomer> {
  const [customer] = await scope.resolve(Modules.CUSTOMER).listCustomers({ id: customerId }, { relations: ["addresses"], take: 1 })
  if (!customer) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Customer ${customerId} was not found`)
  const address = customer.addresses?.find((a) => a.is_default_billing) ?? customer.addresses?.[0] ?? null
  return {
    id: customer.id,
    name: [customer.first_name, customer.last_name].filter(Boolean).join(" ") || customer.company_name || customer.email,
    company: customer.company_name ?? null,
    email: customer.email,
    address_lines: address ? formatAddress(address).split(", ").filter(Boolean) : [],
  }
}

/**
 * A customer's account statement (issue #17 item 6): read set-based, three module lists over
 * indexed columns (the customer's invoices, then their credit notes and payments by invoice id),
 * whatever the number of invoices, then summed exactly by `buildLedger`.
 */
export async function loadStatement(scope: MedusaContainer, customerId: string, period: StatementPeriodInput, now = new Date()): Promise<AccountStatement> {
  const services: ServicesModuleService = scope.resolve(SERVICES_MODULE)
  const invoicesModule: InvoicesModuleService = scope.resolve(INVOICES_MODULE)
  const timeZone = services.timeZone
  const { from, to } = statementPeriodDays(period, timeZone, now)
  const start = dayBoundary(from, "from", timeZone)
  const end = dayBoundary(to, "to", timeZone)
  const today = isoDay(localDateOf(now, timeZone))

  const [customer, seller, invoiceRows] = await Promise.all([
    statementCustomer(scope, customerId),
    invoiceSeller(scope),
    invoicesModule.listInvoices(
      { ...paidByFilter(customerId), status: ON_ACCOUNT, issued_at: { $lt: end } },
      { select: ["id", "number", "currency_code", "issued_at", "due_at", "total", "raw_total"], order: { issued_at: "ASC", id: "ASC" } }
    ),
  ])
  // One currency per statement: the customer's latest invoice's, else the store's.
  const latest = invoiceRows.at(-1)
  const currency = latest?.currency_code ?? (await defaultCurrency(scope))
  const rows = invoiceRows.filter((row) => row.currency_code === currency)
  const ids = rows.map((row) => row.id)
  const numbers = new Map(rows.map((row) => [row.id, row.number ?? ""]))
  const [notes, payments] = ids.length
    ? await Promise.all([
        invoicesModule.listCreditNotes(
          { invoice_id: ids, issued_at: { $lt: end } },
          { select: ["id", "invoice_id", "number", "reason", "issued_at", "total", "raw_total"] }
        ),
        invoicesModule.listInvoicePayments(
          { invoice_id: ids, paid_at: { $lt: end } },
          { select: ["id", "invoice_id", "kind", "method", "amount", "raw_amount", "reference", "paid_at"] }
        ),
      ])
    : [[], []]

  const dayText = (instant: Date) => new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone }).format(instant)
  const ledger = buildLedger({
    invoices: rows.map((row) => ({
      id: row.id,
      number: row.number ?? null,
      issued_at: new Date(row.issued_at!),
      due_at: row.due_at ? new Date(row.due_at) : null,
      total: exact(row as never, "total"),
      description: row.due_at ? `Invoice, due ${dayText(new Date(row.due_at))}` : "Invoice",
    })),
    credit_notes: notes.map((note) => {
      const invoiceId = (note as unknown as { invoice_id: string }).invoice_id
      return {
        id: note.id,
        invoice_id: invoiceId,
        number: note.number,
        issued_at: new Date(note.issued_at),
        total: exact(note as never, "total"),
        description: `Credit note on ${numbers.get(invoiceId)}: ${note.reason}`,
      }
    }),
    payments: payments.map((payment) => {
      const invoiceId = (payment as unknown as { invoice_id: string }).invoice_id
      const method = PAYMENT_METHOD_LABELS[payment.method as InvoicePaymentMethod] ?? payment.method
      return {
        id: payment.id,
        invoice_id: invoiceId,
        kind: payment.kind,
        amount: exact(payment as never, "amount"),
        paid_at: new Date(payment.paid_at),
        reference: payment.reference ?? null,
        description: `${payment.kind === "refund" ? "Refund" : "Payment"} by ${method.toLowerCase()} on ${numbers.get(invoiceId)}`,
      }
    }),
    start,
    end,
    as_of: to < today ? to : today,
    dayOf: (instant) => isoDay(localDateOf(instant, timeZone)),
  })

  const n = (value: { toNumber(): number }) => value.toNumber()
  return {
    customer,
    seller,
    period: { from, to },
    currency_code: currency,
    time_zone: timeZone,
    opening_balance: n(ledger.opening),
    entries: ledger.entries.map((entry) => ({ ...entry, debit: n(entry.debit), credit: n(entry.credit), balance: n(entry.balance) })),
    total_debits: n(ledger.total_debits),
    total_credits: n(ledger.total_credits),
    closing_balance: n(ledger.closing),
    ageing: {
      as_of: to < today ? to : today,
      current: n(ledger.ageing.current),
      days_1_30: n(ledger.ageing.days_1_30),
      days_31_60: n(ledger.ageing.days_31_60),
      days_61_90: n(ledger.ageing.days_61_90),
      over_90: n(ledger.ageing.over_90),
      total: n(ledger.ageing.total),
      unapplied_credit: n(ledger.ageing.unapplied_credit),
    },
    open_invoices: ledger.open_invoices.map((invoice) => ({ ...invoice, total: n(invoice.total), balance: n(invoice.balance) })),
    generated_at: now.toISOString(),
  }
}

async function defaultCurrency(scope: MedusaContainer): Promise<string> {
  const [store] = await scope.resolve(Modules.STORE).listStores({}, { relations: ["supported_currencies"], take: 1 })
  return store?.supported_currencies?.find((currency) => currency.is_default)?.currency_code ?? store?.supported_currencies?.[0]?.currency_code ?? "gbp"
}

/** "£1,234.50 owed" / "nothing owed" / "£20.00 in credit", for emails and the PDF. */
export function balanceText(statement: AccountStatement): string {
  const money = (amount: number) => formatMoney(amount, statement.currency_code)
  if (statement.closing_balance > 0) return `${money(statement.closing_balance)} owed`
  if (statement.closing_balance < 0) return `${money(-statement.closing_balance)} in credit`
  return "nothing owed"
}
