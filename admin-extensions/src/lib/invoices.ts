// Invoices for staff: /admin/invoices (list, export, one invoice and its actions), the customer
// page's /admin/customers/:id/billing-summary and Settings → Billing (/admin/billing/settings).

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import {
  type AdminBillingSettingsResponse,
  type AdminCustomerBillingSummaryResponse,
  type AdminInvoiceListResponse,
  type AdminInvoiceResponse,
  type BillingSettings,
  type Invoice,
  INVOICE_STATUS_LABELS,
  INVOICE_STATUSES,
  type InvoiceStatus,
} from "@fieldservice/contract"
import { activityQueryKeys } from "./activity"
import { adminLocale } from "./directory"
import { adminFetch } from "./sdk"

export { formatMoney } from "./bookings"

export const invoiceQueryKeys = {
  all: ["admin-invoices"] as const,
  list: (query: string) => ["admin-invoices", "list", query] as const,
  detail: (id: string) => ["admin-invoices", "detail", id] as const,
  summary: (customerId: string) => ["admin-invoices", "summary", customerId] as const,
  settings: ["admin-billing-settings"] as const,
}

export const INVOICE_SORT_FIELDS = ["created_at", "due_at", "total", "number"] as const
export type InvoiceSortField = (typeof INVOICE_SORT_FIELDS)[number]
export type InvoiceOrder = InvoiceSortField | `-${InvoiceSortField}`

/** The address's order, newest first when it names none we know. */
export function parseInvoiceOrder(value: string | null): InvoiceOrder {
  const field = (value ?? "").replace(/^-/, "")
  return (INVOICE_SORT_FIELDS as readonly string[]).includes(field) ? (value as InvoiceOrder) : "-created_at"
}

/** Clicking a column: the same column turns around, another starts with its natural direction. */
export const nextInvoiceOrder = (order: InvoiceOrder, field: InvoiceSortField): InvoiceOrder =>
  order === field ? `-${field}` : order === `-${field}` ? field : field === "number" || field === "due_at" ? field : `-${field}`

/** The filters the list and its export understand, as the address holds them. */
export const INVOICE_FILTER_PARAMS = ["status", "overdue", "customer_id", "issued_from", "issued_to", "min_total", "max_total"] as const

export function invoiceFilterQuery(params: URLSearchParams): URLSearchParams {
  const filters = new URLSearchParams()
  for (const key of INVOICE_FILTER_PARAMS) {
    const value = params.get(key)
    if (!value) continue
    if (key === "status" && !(INVOICE_STATUSES as readonly string[]).includes(value)) continue
    filters.set(key, value)
  }
  return filters
}

/** The CSV of exactly what the filters match, in the list's order. */
export const invoiceExportUrl = (filters: URLSearchParams, order: InvoiceOrder) => {
  const query = new URLSearchParams(filters)
  query.set("order", order)
  return `/admin/invoices/export?${query.toString()}`
}

export const invoicePdfUrl = (id: string) => `/admin/invoices/${id}/pdf`

export function useInvoiceList(query: string, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: invoiceQueryKeys.list(query),
    queryFn: () => adminFetch<AdminInvoiceListResponse>(`/admin/invoices?${query}`),
    placeholderData: (previous) => previous,
    enabled: options.enabled ?? true,
  })
}

export function useInvoice(id: string) {
  return useQuery({ queryKey: invoiceQueryKeys.detail(id), queryFn: () => adminFetch<AdminInvoiceResponse>(`/admin/invoices/${id}`) })
}

export function useBillingSummary(customerId: string) {
  return useQuery({
    queryKey: invoiceQueryKeys.summary(customerId),
    queryFn: () => adminFetch<AdminCustomerBillingSummaryResponse>(`/admin/customers/${customerId}/billing-summary`),
  })
}

export type InvoiceAction =
  | { kind: "issue"; body: { due_date?: string } }
  | { kind: "void"; body: { reason: string } }
  | { kind: "credit-notes"; body: { amount: string; reason: string } }
  | {
      kind: "payments"
      body: { kind: "payment" | "refund"; method: string; amount: string; reference?: string | null; paid_on?: string; idempotency_key: string }
    }
  | { kind: "due-date"; body: { due_date: string } }
  | { kind: "resend"; body: Record<string, never> }

/** An action on one invoice; the page, the list, the customer's billing card and activity all refresh after it. */
export function useInvoiceAction(invoice: Pick<Invoice, "id" | "customer_id">) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (action: InvoiceAction) =>
      adminFetch<AdminInvoiceResponse>(`/admin/invoices/${invoice.id}/${action.kind}`, { method: "POST", body: action.body }),
    onSuccess: (response) => {
      queryClient.setQueryData(invoiceQueryKeys.detail(invoice.id), response)
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: ["admin-invoices", "list"] }),
        queryClient.invalidateQueries({ queryKey: invoiceQueryKeys.summary(invoice.customer_id) }),
        queryClient.invalidateQueries({ queryKey: activityQueryKeys.activity(invoice.customer_id) }),
      ])
    },
  })
}

export function useBillingSettings() {
  return useQuery({ queryKey: invoiceQueryKeys.settings, queryFn: () => adminFetch<AdminBillingSettingsResponse>("/admin/billing/settings") })
}

export function useSaveBillingSettings() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: Partial<BillingSettings>) => adminFetch<AdminBillingSettingsResponse>("/admin/billing/settings", { method: "POST", body }),
    onSuccess: (response) => queryClient.setQueryData(invoiceQueryKeys.settings, response),
  })
}

// ---- Showing invoices ----------------------------------------------------------------------

export const INVOICE_STATUS_COLORS: Record<InvoiceStatus, "grey" | "blue" | "orange" | "green" | "red"> = {
  draft: "grey",
  issued: "blue",
  partially_paid: "orange",
  paid: "green",
  void: "grey",
}

/** The badge's words and colour: an overdue invoice says so in red. */
export const invoiceBadge = (invoice: Pick<Invoice, "status" | "overdue">) =>
  invoice.overdue
    ? { label: `Overdue · ${INVOICE_STATUS_LABELS[invoice.status]}`, color: "red" as const }
    : { label: INVOICE_STATUS_LABELS[invoice.status], color: INVOICE_STATUS_COLORS[invoice.status] }

/** "INV-2026-000123", or "Draft" before it is numbered. */
export const invoiceTitle = (invoice: Pick<Invoice, "number">) => invoice.number ?? "Draft"

/** "3 Dec 2026" in the admin's language, the day in the business's calendar (not the browser's); "–" for none. */
export const formatInvoiceDay = (iso: string | null | undefined, timeZone: string) =>
  iso ? new Intl.DateTimeFormat(adminLocale(), { day: "numeric", month: "short", year: "numeric", timeZone }).format(new Date(iso)) : "–"

/** A new key each time a payment form opens: the same submit sent twice records the money once. */
export const newIdempotencyKey = () =>
  typeof crypto !== "undefined" && "randomUUID" in crypto ? crypto.randomUUID() : `${Date.now()}-${Math.random().toString(36).slice(2)}`
