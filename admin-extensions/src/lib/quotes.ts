// Quotes for staff: /admin/quotes (list, one quote, its draft, send, revise, PDF).

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { type AdminQuoteListResponse, type AdminQuoteResponse, type Quote, QUOTE_STATUSES, type QuoteStatus, type QuoteVersion } from "@fieldservice/contract"
import { activityQueryKeys } from "./activity"
import { adminFetch } from "./sdk"

export const quoteQueryKeys = {
  list: (query: string) => ["admin-quotes", "list", query] as const,
  detail: (id: string) => ["admin-quotes", "detail", id] as const,
}

export const QUOTE_SORTS = [
  { value: "-created_at", label: "Newest first" },
  { value: "created_at", label: "Oldest first" },
  { value: "expires_on", label: "Expiring soonest" },
  { value: "-expires_on", label: "Expiring latest" },
  { value: "-total", label: "Highest total" },
  { value: "total", label: "Lowest total" },
] as const

export const QUOTE_STATUS_COLORS: Record<QuoteStatus, "grey" | "blue" | "orange" | "green" | "red" | "purple"> = {
  draft: "grey",
  sent: "blue",
  viewed: "purple",
  changes_requested: "orange",
  accepted: "green",
  declined: "red",
  expired: "grey",
}

/** The filters the list understands, as the address holds them (anything else is left out). */
export const QUOTE_FILTER_PARAMS = ["status", "customer_id", "q", "min_total", "max_total", "expires_from", "expires_to"] as const

export function quoteFilterQuery(params: URLSearchParams): URLSearchParams {
  const filters = new URLSearchParams()
  for (const key of QUOTE_FILTER_PARAMS) {
    const value = params.get(key)?.trim()
    if (!value) continue
    if (key === "status" && !(QUOTE_STATUSES as readonly string[]).includes(value)) continue
    filters.set(key, value)
  }
  return filters
}

export const parseQuoteOrder = (value: string | null) => QUOTE_SORTS.find((sort) => sort.value === value)?.value ?? "-created_at"

export function useQuoteList(query: string, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: quoteQueryKeys.list(query),
    queryFn: () => adminFetch<AdminQuoteListResponse>(`/admin/quotes?${query}`),
    placeholderData: (previous) => previous,
    enabled: options.enabled ?? true,
  })
}

export function useQuote(id: string) {
  return useQuery({ queryKey: quoteQueryKeys.detail(id), queryFn: () => adminFetch<AdminQuoteResponse>(`/admin/quotes/${id}`) })
}

/** A quote line as the builder edits it: prices are typed text, as the API takes them. */
export type DraftLine = { key: string; product_id: string; variant_id: string; description: string; quantity: string; unit_price: string; optional: boolean }
export type DraftOption = { key: string; title: string; description: string; lines: DraftLine[] }
export type QuoteDraftForm = {
  title: string
  /** "" for the customer themself / no saved location. */
  business_profile_id: string
  address_id: string
  expires_on: string
  deposit_kind: "none" | "amount" | "percent"
  deposit_value: string
  notes: string
  options: DraftOption[]
}

let nextKey = 0
export const newKey = () => `k${++nextKey}`
export const emptyLine = (): DraftLine => ({ key: newKey(), product_id: "", variant_id: "", description: "", quantity: "1", unit_price: "", optional: false })
export const emptyOption = (title: string): DraftOption => ({ key: newKey(), title, description: "", lines: [emptyLine()] })

/** The builder's form for a new quote, or for the draft version of an existing one. */
export function draftForm(quote?: Quote, version?: QuoteVersion | null): QuoteDraftForm {
  if (!quote || !version) {
    return {
      title: "",
      business_profile_id: "",
      address_id: "",
      expires_on: "",
      deposit_kind: "none",
      deposit_value: "",
      notes: "",
      options: [emptyOption("Option 1")],
    }
  }
  return {
    title: quote.title,
    business_profile_id: quote.business_profile_id ?? "",
    address_id: quote.address_id ?? "",
    expires_on: quote.expires_on ?? "",
    deposit_kind: quote.deposit.kind,
    deposit_value: quote.deposit.value === null ? "" : String(quote.deposit.value),
    notes: version.notes ?? "",
    options: version.options.map((option) => ({
      key: newKey(),
      title: option.title,
      description: option.description ?? "",
      lines: option.lines.map((line) => ({
        key: newKey(),
        product_id: line.product_id ?? "",
        variant_id: line.variant_id ?? "",
        description: line.description,
        quantity: String(line.quantity),
        unit_price: line.unit_price.toFixed(2),
        optional: line.optional,
      })),
    })),
  }
}

/** The form as the API's body: blanks left out so the server fills in the catalogue's price and name. */
export function draftBody(form: QuoteDraftForm) {
  return {
    title: form.title,
    business_profile_id: form.business_profile_id || null,
    address_id: form.address_id || null,
    expires_on: form.expires_on || null,
    deposit: form.deposit_kind === "none" ? { kind: "none" as const } : { kind: form.deposit_kind, value: form.deposit_value },
    notes: form.notes || null,
    options: form.options.map((option) => ({
      title: option.title,
      description: option.description || null,
      lines: option.lines.map((line) => ({
        ...(line.variant_id ? { product_id: line.product_id || null, variant_id: line.variant_id } : {}),
        description: line.description || null,
        quantity: Number(line.quantity),
        unit_price: line.unit_price || null,
        optional: line.optional,
      })),
    })),
  }
}

/** Creates a quote, or changes one's draft; lists, the page and the customer's activity refresh. */
export function useSaveQuoteDraft(customerId: string, quoteId?: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (form: QuoteDraftForm) =>
      adminFetch<AdminQuoteResponse>(quoteId ? `/admin/quotes/${quoteId}` : "/admin/quotes", {
        method: "POST",
        body: quoteId ? draftBody(form) : { customer_id: customerId, ...draftBody(form) },
      }),
    onSuccess: (response) => refreshAfter(queryClient, response),
  })
}

function refreshAfter(queryClient: ReturnType<typeof useQueryClient>, response: AdminQuoteResponse) {
  queryClient.setQueryData(quoteQueryKeys.detail(response.quote.id), response)
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: ["admin-quotes", "list"] }),
    queryClient.invalidateQueries({ queryKey: activityQueryKeys.activity(response.quote.customer_id) }),
  ])
}

/** Puts a change's answer (the quote page) in place, and refreshes the lists and history that show it. */
export function useQuoteSaved() {
  const queryClient = useQueryClient()
  return (response: AdminQuoteResponse) => refreshAfter(queryClient, response)
}

/** Send (the draft) or revise (open the next version). */
export function useQuoteAction(quoteId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (action: "send" | "revise") => adminFetch<AdminQuoteResponse>(`/admin/quotes/${quoteId}/${action}`, { method: "POST", body: {} }),
    onSuccess: (response) => refreshAfter(queryClient, response),
  })
}

export const quotePdfUrl = (id: string, draft = false) => `/admin/quotes/${id}/pdf${draft ? "?draft=true" : ""}`

/** "QUO-2026-000123", or "Draft" before its first send. */
export const quoteTitle = (quote: Pick<Quote, "number">) => quote.number ?? "Draft"
