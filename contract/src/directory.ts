// The staff customer directory: /admin/crm/customers (and /export), and tags in use, /admin/customer-tags.
import type { DirectoryStatus } from "./rules/statuses"

/** GET /admin/customer-tags?q= → tags in use, most used first. */
export type AdminCustomerTagListResponse = { tags: { value: string; count: number }[] }

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
}

/** GET /admin/crm/customers → a page; `count` stops at 10,000 (`count_capped` says there are more). */
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
