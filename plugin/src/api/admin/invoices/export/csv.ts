import type { BigNumberInput } from "@medusajs/framework/types"
import { INVOICE_STATUS_LABELS, type InvoiceStatus } from "@fieldservice/contract"
import { currencyDecimals, invoiceBalance, isOverdue, roundMoney } from "../../../../modules/invoices"
import { localDateOf } from "../../../../modules/services/time-zone"
import { csvLine } from "../../../../utils/customer-csv"

export const INVOICE_CSV_COLUMNS = [
  "number",
  "status",
  "overdue",
  "customer",
  "customer_email",
  "customer_id",
  "issued_on",
  "due_on",
  "currency",
  "subtotal",
  "tax",
  "total",
  "credited",
  "paid",
  "balance",
  "id",
] as const

export type ExportedInvoiceRow = {
  id: string
  number?: string | null
  status: string
  customer_id: string
  currency_code: string
  issued_at?: Date | string | null
  due_at?: Date | string | null
  subtotal: BigNumberInput
  tax_total: BigNumberInput
  total: BigNumberInput
  credited_total: BigNumberInput
  paid_total: BigNumberInput
}

const pad = (value: number) => String(value).padStart(2, "0")

/** "2026-12-03": the business's calendar day, which is what staff read on the invoice. */
const dayOf = (value: Date | string | null | undefined, timeZone: string) => {
  if (!value) return ""
  const day = localDateOf(new Date(value), timeZone)
  return `${day.year}-${pad(day.month)}-${pad(day.day)}`
}

/** Amounts written exactly as stored, with the currency's decimals ("85.00"): never through a float. */
const money = (value: BigNumberInput, currency: string) => roundMoney(value, currency).toFixed(currencyDecimals(currency))

export const invoiceCsvHeader = () => csvLine([...INVOICE_CSV_COLUMNS])

export function invoiceCsvRow(row: ExportedInvoiceRow, customer: { name: string; email: string } | undefined, timeZone: string, now: Date): string {
  const status = row.status as InvoiceStatus
  const amounts = { status, total: row.total, credited_total: row.credited_total, paid_total: row.paid_total }
  const currency = row.currency_code
  return csvLine([
    row.number ?? "",
    INVOICE_STATUS_LABELS[status] ?? status,
    isOverdue({ ...amounts, due_at: row.due_at ?? null }, now) ? "yes" : "no",
    customer?.name ?? "",
    customer?.email ?? "",
    row.customer_id,
    dayOf(row.issued_at, timeZone),
    dayOf(row.due_at, timeZone),
    currency.toUpperCase(),
    money(row.subtotal, currency),
    money(row.tax_total, currency),
    money(row.total, currency),
    money(row.credited_total, currency),
    money(row.paid_total, currency),
    invoiceBalance(amounts).toFixed(currencyDecimals(currency)),
    row.id,
  ])
}
