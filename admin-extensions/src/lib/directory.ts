// The customer directory (Customers → Customer directory), served by the plugin's
// /admin/crm/customers routes, and the quick actions it runs through the customer routes
// (/admin/customers/:id/profile, /account, /restore).

import {
  DIRECTORY_FILTER_PARAMS,
  RESTORE_WINDOW_DAYS,
  type AdminCustomFieldListResponse as CustomFieldsResponse,
  type DirectoryStatus,
  type DirectorySortField,
  type DirectoryOrder,
  type AdminCustomerDirectoryListResponse as DirectoryResponse,
  type AdminCustomerDirectoryItem as DirectoryCustomer,
} from "@fieldservice/contract"
import { toast } from "@medusajs/ui"
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { customFieldQueryKeys, customFieldsListPath } from "./custom-fields"
import { STATUS_ACTIONS, type StatusAction, accountPath, formatDay, portalQueryKeys } from "./portal"
import { STATUS_COLORS, STATUS_LABELS, profilePath } from "./profile"
import { sdk } from "./sdk"
import { type AdminDeleteCustomerAccountResponse as DeleteAccountResponse } from "@fieldservice/contract"

export const DIRECTORY_STATUS_LABELS: Record<DirectoryStatus, string> = { ...STATUS_LABELS, deleted: "Deleted", merged: "Merged" }
/** The status filter's wording: deleted customers are only listed while they can be restored. */
export const STATUS_FILTER_LABELS: Record<DirectoryStatus, string> = {
  ...STATUS_LABELS,
  deleted: `Deleted (last ${RESTORE_WINDOW_DAYS} days)`,
  merged: "Merged into another customer",
}
export const DIRECTORY_STATUS_COLORS: Record<DirectoryStatus, "green" | "red" | "grey" | "orange"> = {
  ...STATUS_COLORS,
  deleted: "orange",
  merged: "grey",
}
const SORT_FIELDS: DirectorySortField[] = ["name", "email", "created_at", "last_booking_at"]

export function parseOrder(value: string | null): DirectoryOrder {
  const field = (value ?? "").replace(/^-/, "")
  return (SORT_FIELDS as string[]).includes(field) ? (value as DirectoryOrder) : "name"
}

/** A header click: the other direction when already ordered by it, otherwise A–Z (dates: newest first). */
export function nextOrder(current: DirectoryOrder, field: DirectorySortField): DirectoryOrder {
  if (current === field) return `-${field}`
  if (current === `-${field}`) return field
  return field === "created_at" || field === "last_booking_at" ? `-${field}` : field
}

/** The address parameters that are filters: the same names the API and the export take. */
const FILTER_KEYS: readonly string[] = DIRECTORY_FILTER_PARAMS
export const isCustomFilterKey = (key: string) => /^custom\[[^\]]+\]$/.test(key)
/** "custom[gate_code]" → "gate_code" */
export const customFilterField = (key: string) => key.slice("custom[".length, -1)
export const customFilterKey = (field: string) => `custom[${field}]`

/** The filters in the page's address, as the API's query (empty values left out). */
export function directoryFilterQuery(params: URLSearchParams): URLSearchParams {
  const filters = new URLSearchParams()
  params.forEach((value, key) => {
    if (value !== "" && (FILTER_KEYS.includes(key) || isCustomFilterKey(key))) filters.append(key, value)
  })
  return filters
}

/**
 * The admin's locale for dates: the language chosen in the Medusa admin (the dashboard writes it
 * on <html lang>), with the browser's region when that language names none, since Medusa's
 * default "en" says English but not which: an en-GB browser then reads 3 Dec 2025, not Dec 3, 2025.
 */
export function adminLocale(): string {
  const browser = navigator.language || "en"
  const chosen = document.documentElement.lang
  if (!chosen || Intl.DateTimeFormat.supportedLocalesOf(chosen).length === 0) return browser
  if (!chosen.includes("-") && browser.toLowerCase().startsWith(`${chosen.toLowerCase()}-`)) return browser
  return chosen
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/
/** "2026-03-12" as a date picker's Date (local midnight); null when it isn't a day. */
export function dayToDate(day: string | null): Date | null {
  const match = day ? DAY.exec(day) : null
  return match ? new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : null
}
/** A date picker's Date as the address's day, "2026-03-12" (the day staff picked, whatever the time zone). */
export const dateToDay = (date: Date) => `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, "0")}-${String(date.getDate()).padStart(2, "0")}`

// A calendar day is formatted at noon UTC in UTC, so no time zone moves it to another day.
const utcDay = (day: string) => new Date(`${day}T12:00:00Z`)
const dayFormat = (locale: string) => new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" })

/** "2026-03-12" → "12 Mar 2026" (en-GB), "Mar 12, 2026" (en-US); the text itself when it isn't a day. */
export const formatFilterDay = (day: string, locale: string) => (DAY.test(day) ? dayFormat(locale).format(utcDay(day)) : day)

/** The last-visit filter in words: "3–10 Dec 2025", "From 3 Dec 2025", "Until 10 Dec 2025". */
export function describeDayRange(from: string | null, to: string | null, locale: string): string | null {
  if (from && to && DAY.test(from) && DAY.test(to) && from <= to) return dayFormat(locale).formatRange(utcDay(from), utcDay(to))
  if (from && to) return `${formatFilterDay(from, locale)} – ${formatFilterDay(to, locale)}`
  if (from) return `From ${formatFilterDay(from, locale)}`
  if (to) return `Until ${formatFilterDay(to, locale)}`
  return null
}

/** An instant ("2025-12-03T09:00:00Z") as its day in the admin's locale: the table's visit dates. */
export function formatDirectoryDay(iso: string | null, locale: string): string {
  const date = iso ? new Date(iso) : null
  return date && !Number.isNaN(date.getTime()) ? new Intl.DateTimeFormat(locale, { dateStyle: "medium" }).format(date) : "—"
}

/** The CSV of every customer the filters match; a plain link works with the staff member's session. */
export const directoryExportUrl = (filters: URLSearchParams) => {
  const query = filters.toString()
  return `/admin/crm/customers/export${query ? `?${query}` : ""}`
}

export const directoryQueryKeys = {
  all: ["crm-directory"] as const,
  list: (query: string) => ["crm-directory", "list", query] as const,
}

export function useDirectory(query: string) {
  return useQuery({
    queryKey: directoryQueryKeys.list(query),
    queryFn: () => sdk.client.fetch<DirectoryResponse>(`/admin/crm/customers?${query}`),
    placeholderData: keepPreviousData,
  })
}

/** The customer custom fields (shared with Settings → Custom fields). */
export function useCustomerFields() {
  const target = { target_type: "customer" } as const
  return useQuery({
    queryKey: customFieldQueryKeys.list(target),
    queryFn: () => sdk.client.fetch<CustomFieldsResponse>(customFieldsListPath(target)),
    staleTime: 60_000,
  })
}

/** Where a row opens: the customer's page, or a merged customer's read-only record saying where its data went. */
export const customerPage = (customer: Pick<DirectoryCustomer, "id" | "status">) =>
  customer.status === "merged" ? `/crm/merged/${customer.id}` : `/customers/${customer.id}`

/** "Olivia Bennett", else the company, else the email. */
export const directoryName = (customer: Pick<DirectoryCustomer, "first_name" | "last_name" | "company_name" | "email">) =>
  [customer.first_name, customer.last_name].filter(Boolean).join(" ") || customer.company_name || customer.email

/** "1 customer", "2,345 customers", "10,000+ customers". */
export function describeCount(count: number, capped: boolean): string {
  const figure = new Intl.NumberFormat(undefined).format(count)
  if (capped) return `${figure}+ customers`
  return `${figure} ${count === 1 ? "customer" : "customers"}`
}

/** A quick action from a directory row. */
export type DirectoryAction =
  { kind: "status"; action: StatusAction } | { kind: "tags"; tags: string[]; added: string } | { kind: "delete" } | { kind: "restore" }

async function runAction(customer: DirectoryCustomer, action: DirectoryAction): Promise<string> {
  const name = directoryName(customer)
  switch (action.kind) {
    case "status":
      await sdk.client.fetch(profilePath(customer.id), { method: "POST", body: { status: STATUS_ACTIONS[action.action].to } })
      return `${STATUS_ACTIONS[action.action].done}: ${name}`
    case "tags":
      await sdk.client.fetch(profilePath(customer.id), { method: "POST", body: { tags: action.tags } })
      return `Tag “${action.added}” added to ${name}`
    case "delete": {
      const { restorable_until } = await sdk.client.fetch<DeleteAccountResponse>(accountPath(customer.id), { method: "DELETE" })
      return `${name} deleted. Staff can restore them until ${formatDay(restorable_until)}.`
    }
    case "restore":
      await sdk.client.fetch(`/admin/customers/${customer.id}/restore`, { method: "POST", body: {} })
      return `${name} restored. They need a new invite to log in to the portal.`
  }
}

/**
 * Runs a quick action, says how it went, and refreshes the directory and every other list the
 * customer appears in (the customer page, the dashboard's list, the archived/deleted lists).
 */
export function useDirectoryAction() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ customer, action }: { customer: DirectoryCustomer; action: DirectoryAction }) => runAction(customer, action),
    onSuccess: (message) => toast.success(message),
    onError: (error: Error) => toast.error(error.message.replace(/^Invalid request: /, "")),
    onSettled: (_message, _error, { customer, action }) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: directoryQueryKeys.all }),
        queryClient.invalidateQueries({ queryKey: portalQueryKeys.profile(customer.id), refetchType: "none" }),
        queryClient.invalidateQueries({ queryKey: portalQueryKeys.account(customer.id), refetchType: "none" }),
        queryClient.invalidateQueries({ queryKey: portalQueryKeys.dashboardCustomers, refetchType: "none" }),
        queryClient.invalidateQueries({ queryKey: portalQueryKeys.archivedCustomers, refetchType: "none" }),
        queryClient.invalidateQueries({ queryKey: portalQueryKeys.deletedCustomers, refetchType: "none" }),
        action.kind === "tags" ? queryClient.invalidateQueries({ queryKey: ["customer-tags"] }) : null,
      ]),
  })
}
