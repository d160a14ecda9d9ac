import { BUSINESS_LOCALE, formatMoney, INVOICE_STATUS_LABELS, type Invoice } from "@fieldservice/contract"

/** "12 March 2026" in the business's locale. */
export const invoiceDate = (value: string | null, timeZone?: string) =>
  value ? new Intl.DateTimeFormat(BUSINESS_LOCALE, { day: "numeric", month: "long", year: "numeric", timeZone }).format(new Date(value)) : "—"

export const money = (amount: number, currency: string) => formatMoney(amount, currency)

/** "Overdue", "Paid", "Partially paid"…: what the customer needs to know first. */
export const invoiceStatusText = (invoice: Pick<Invoice, "status" | "overdue">) => (invoice.overdue ? "Overdue" : INVOICE_STATUS_LABELS[invoice.status])

export const canPay = (invoice: Pick<Invoice, "status" | "balance">) =>
  (invoice.status === "issued" || invoice.status === "partially_paid") && invoice.balance > 0

/** The pay page for these invoices. */
export const payLink = (ids: string[]) => `/invoices/pay?${ids.map((id) => `invoice=${encodeURIComponent(id)}`).join("&")}`

/** The Invoices page's tabs (the API's `view`). */
export const INVOICE_VIEWS = ["open", "overdue", "paid", "all"] as const
export type InvoiceView = (typeof INVOICE_VIEWS)[number]
