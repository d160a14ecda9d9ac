import { randomUUID } from "node:crypto"

import { apiDownload, apiFetch } from "~/lib/api/api.server"
import type {
  Invoice,
  StoreCreateInvoicePaymentRequest,
  StoreInvoiceCheckout,
  StoreInvoiceCheckoutResponse,
  StoreInvoiceListResponse,
  StoreInvoiceResponse,
  StorePastPayment,
  StorePastPaymentListResponse,
} from "@fieldservice/contract"

import type { InvoiceView } from "~/lib/invoices"

const BASE = "/store/customers/me/invoices"
const PAYMENTS = "/store/customers/me/invoice-payments"

export async function listInvoices(token: string, view: InvoiceView): Promise<Invoice[]> {
  const { invoices } = await apiFetch<StoreInvoiceListResponse>(BASE, { token, query: { view, limit: "100" } })
  return Array.isArray(invoices) ? invoices : []
}

/** Throws ApiError 404 when the invoice isn't the customer's. */
export async function getInvoice(token: string, id: string): Promise<Invoice> {
  return (await apiFetch<StoreInvoiceResponse>(`${BASE}/${encodeURIComponent(id)}`, { token })).invoice
}

export function downloadInvoicePdf(token: string, id: string): Promise<Response> {
  return apiDownload(`${BASE}/${encodeURIComponent(id)}/pdf`, token, {})
}

/** Pays with a card; a 402 (declined) throws ApiError with Stripe's reason. */
export async function payInvoices(token: string, body: StoreCreateInvoicePaymentRequest): Promise<StoreInvoiceCheckout> {
  return (await apiFetch<StoreInvoiceCheckoutResponse>(PAYMENTS, { token, body })).checkout
}

/** After the bank's check in the browser. */
export async function confirmInvoicePayment(token: string, id: string): Promise<StoreInvoiceCheckout> {
  return (await apiFetch<StoreInvoiceCheckoutResponse>(`${PAYMENTS}/${encodeURIComponent(id)}/confirm`, { token, body: {} })).checkout
}

export async function listPastPayments(token: string): Promise<StorePastPayment[]> {
  const { payments } = await apiFetch<StorePastPaymentListResponse>(PAYMENTS, { token })
  return Array.isArray(payments) ? payments : []
}

/** The invoice of a visit, if it has one (a booking's page links it). */
export async function findBookingInvoice(token: string, bookingId: string): Promise<{ id: string; number: string | null } | null> {
  const invoice = (await listInvoices(token, "all")).find((item) => item.booking_ids.includes(bookingId))
  return invoice ? { id: invoice.id, number: invoice.number } : null
}

/** Made once when the pay page renders: a second click or tab sends the same key, and the API charges once. */
export const newIdempotencyKey = () => randomUUID()
