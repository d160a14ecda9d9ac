// The staff customer directory: /admin/crm/customers (and /export), and tags in use, /admin/customer-tags.
import type { DirectoryStatus } from "./rules/statuses"

/**
 * GET /admin/customer-tags?q=&limit=&offset= → tags in use, most used first: one entry per tag
 * whatever its case ("vip" is "VIP"), spelled as most customers have it, with how many carry it;
 * `q` matches the start of a tag, `count` is how many tags match.
 */
export type AdminCustomerTagListResponse = {
  tags: { value: string; count: number }[]
  count: number
  limit: number
  offset: number
}

/** POST /admin/customer-tags/rename: `to` is the new name, or a tag in use to merge into. */
export type AdminRenameCustomerTagRequest = { from: string; to: string }
/** `merged`: `to` was already in use, so its customers keep one of it. `customer_count`: customers changed. */
export type AdminRenameCustomerTagResponse = { tag: { value: string; count: number }; merged: boolean; customer_count: number }

/** POST /admin/customer-tags/delete: takes the tag off every customer. */
export type AdminDeleteCustomerTagRequest = { tag: string }
export type AdminDeleteCustomerTagResponse = { tag: string; object: "customer_tag"; deleted: true; customer_count: number }

/**
 * The directory's filters, as GET /admin/crm/customers and /export take them in the query
 * (custom-field filters besides, as `custom[<field key>]=<value>`). Booleans are "true" or "false".
 */
export type AdminCustomerDirectoryFilters = {
  q?: string
  /** Comma-separated: active, blocked, archived, deleted, merged. */
  status?: string
  tag?: string | string[]
  has_upcoming_booking?: "true" | "false"
  /** Days like "2026-12-01" in the business's calendar, both included. */
  last_booking_from?: string
  last_booking_to?: string
  /** An invoice still owed (issued or part paid) whose due date has passed, or none. */
  has_overdue_invoices?: "true" | "false"
}
export const DIRECTORY_FILTER_PARAMS = [
  "q",
  "status",
  "tag",
  "has_upcoming_booking",
  "last_booking_from",
  "last_booking_to",
  "has_overdue_invoices",
] as const satisfies readonly (keyof AdminCustomerDirectoryFilters)[]

/** One row of GET /admin/crm/customers. */
export type AdminCustomerDirectoryItem = {
  id: string
  first_name: string | null
  last_name: string | null
  email: string
  phone: string | null
  company_name: string | null
  /** The customer's business profiles' names, "; "-separated. */
  business_names: string | null
  kind: string
  status: DirectoryStatus
  tags: string[]
  custom_values: Record<string, unknown>
  has_account: boolean
  created_at: string
  deleted_at: string | null
  last_booking_at: string | null
  next_booking_at: string | null
  booking_count: number
  /** When the oldest invoice still owed falls due; overdue once this has passed. */
  open_invoice_due_at: string | null
}

/** GET /admin/crm/customers → a page; `count` stops at 10,000 (1,000 under a tag or custom-field filter or a search; `count_capped` says there are more). */
export type AdminCustomerDirectoryListResponse = {
  customers: AdminCustomerDirectoryItem[]
  count: number
  count_capped: boolean
  limit: number
  offset: number
}

/** The columns the list can be ordered by; "-name" is the reverse. */
export type DirectorySortField = "name" | "email" | "created_at" | "last_booking_at"
export type DirectoryOrder = DirectorySortField | `-${DirectorySortField}`
