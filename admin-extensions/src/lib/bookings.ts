// Bookings for staff, served by the plugin's /admin/bookings routes (list, one booking, assign a
// fieldworker, change status), and the field team from /admin/fieldworkers.

import { useQuery } from "@tanstack/react-query"
import { sdk } from "./sdk"

export type BookingStatus = "requested" | "confirmed" | "in_progress" | "completed" | "cancelled"
export const BOOKING_STATUSES: BookingStatus[] = ["requested", "confirmed", "in_progress", "completed", "cancelled"]
export const OPEN_STATUSES: BookingStatus[] = ["requested", "confirmed", "in_progress"]

export const BOOKING_STATUS_LABELS: Record<BookingStatus, string> = {
  requested: "Requested",
  confirmed: "Confirmed",
  in_progress: "In progress",
  completed: "Completed",
  cancelled: "Cancelled",
}

export const BOOKING_STATUS_COLORS: Record<BookingStatus, "orange" | "blue" | "purple" | "green" | "grey"> = {
  requested: "orange",
  confirmed: "blue",
  in_progress: "purple",
  completed: "green",
  cancelled: "grey",
}

/** What the button that moves a booking to this status says. */
export const STATUS_ACTION_LABELS: Record<BookingStatus, string> = {
  requested: "Back to requested",
  confirmed: "Confirm",
  in_progress: "Mark in progress",
  completed: "Mark completed",
  cancelled: "Cancel booking",
}

export type BookingCustomer = { id: string; name: string | null; email: string; phone: string | null; company_name: string | null }

/** One row of GET /admin/bookings. */
export type ListedBooking = {
  id: string
  booking_number: string
  status: BookingStatus
  service_title: string
  option_title: string | null
  starts_at: string
  ends_at: string
  /** The end of the arrival window (portal bookings); the visit itself ends at ends_at. */
  window_ends_at: string | null
  location_text: string | null
  postcode: string | null
  email: string
  contact_name: string | null
  customer: BookingCustomer | null
  fieldworker: { id: string; name: string; removed: boolean } | null
  order_id: string | null
  attachment_count: number
}
export type BookingListResponse = { bookings: ListedBooking[]; count: number; limit: number; offset: number; time_zone: string }

export type BookingAttachment = {
  id: string
  file_id: string
  url: string
  filename: string
  mime_type: string
  size_bytes: number
  /** "customer" or "staff". */
  added_by: string
  created_at: string
}

/** GET /admin/bookings/:id → `{ booking, time_zone }` (also the answer of every change). */
export type AdminBooking = Omit<ListedBooking, "fieldworker" | "customer" | "attachment_count"> & {
  customer_id: string | null
  customer: BookingCustomer | null
  location: { address_1?: string; address_2?: string | null; city?: string; province?: string | null; postal_code?: string; country_code?: string } | null
  contact: { name?: string; email?: string; phone?: string | null } | null
  instructions: string | null
  card: { brand?: string; last4?: string; exp_month?: number; exp_year?: number } | null
  fieldworker: (Fieldworker & { removed: boolean; covers_postcode: boolean | null }) | null
  order: { id: string; display_id: number; status: string; total: number; currency_code: string } | null
  business_profile: { id: string; name: string; billing_email: string; tax_id: string | null; address_text: string } | null
  additional_contact: { id: string; name: string; role: string | null; emails: string[]; phones: string[] } | null
  dependents: { id: string; name: string; type_label: string | null }[]
  attachments: BookingAttachment[]
  allowed_statuses: BookingStatus[]
  cancelled_at: string | null
  cancelled_by: string | null
  cancellation_reason: string | null
  reschedule_count: number
  created_at: string
}
export type BookingResponse = { booking: AdminBooking; time_zone: string }

export type Fieldworker = {
  id: string
  name: string
  email: string
  phone: string | null
  /** Postcode areas or districts ("BS", "BA1"); empty means anywhere. */
  service_areas: string[]
  active: boolean
}
export type FieldworkerListResponse = { fieldworkers: Fieldworker[]; count: number; limit: number; offset: number }
/** Body of POST /admin/fieldworkers; updates take any subset. */
export type FieldworkerInput = { name: string; email: string; phone: string | null; service_areas: string[]; active: boolean }

export const bookingQueryKeys = {
  all: ["admin-bookings"] as const,
  list: (query: string) => ["admin-bookings", "list", query] as const,
  detail: (id: string) => ["admin-bookings", "detail", id] as const,
  fieldworkers: ["admin-fieldworkers"] as const,
}

/** An API refusal, with the status and the code the admin routes add to 409s (e.g. "fieldworker_busy"). */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code: string | null
  ) {
    super(message)
  }
}

/**
 * A JSON call to the admin API with the staff member's session. Unlike sdk.client.fetch it keeps
 * the error's `code`, which the booking page needs to offer "Assign anyway?"; Medusa's
 * "Invalid request: " prefix is dropped from messages.
 */
export async function adminFetch<T>(path: string, init: { method?: "GET" | "POST" | "DELETE"; body?: unknown } = {}): Promise<T> {
  const response = await fetch(path, {
    method: init.method ?? (init.body === undefined ? "GET" : "POST"),
    credentials: "include",
    headers: init.body === undefined ? undefined : { "content-type": "application/json" },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  })
  const payload = (await response.json().catch(() => null)) as (T & { message?: string; code?: string | null }) | null
  if (!response.ok) {
    const message = (payload?.message ?? response.statusText ?? "The request failed").replace(/^Invalid request: /, "")
    throw new ApiError(message, response.status, payload?.code ?? null)
  }
  return payload as T
}

export function useBooking(id: string) {
  return useQuery({
    queryKey: bookingQueryKeys.detail(id),
    queryFn: () => sdk.client.fetch<BookingResponse>(`/admin/bookings/${id}`),
  })
}

/** The whole field team (it is small: one page of up to 200), active and inactive, by name. */
export function useFieldworkers() {
  return useQuery({
    queryKey: bookingQueryKeys.fieldworkers,
    queryFn: () => sdk.client.fetch<FieldworkerListResponse>("/admin/fieldworkers", { query: { limit: 200 } }),
  })
}

/** The list's query string from its filters, without empty ones. */
export function bookingListQuery(filters: Record<string, string | number | undefined | null>): string {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(filters)) {
    if (value !== undefined && value !== null && value !== "") params.set(key, String(value))
  }
  return params.toString()
}

export function useBookingList(query: string, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: bookingQueryKeys.list(query),
    queryFn: () => sdk.client.fetch<BookingListResponse>(`/admin/bookings?${query}`),
    placeholderData: (previous) => previous,
    enabled: options.enabled ?? true,
  })
}

// ---- Showing bookings -----------------------------------------------------------------------
// Visit times are shown in the business's time zone (the API says which), so they match what the
// customer booked on the portal wherever staff are.

const inZone = (timeZone: string | undefined, options: Intl.DateTimeFormatOptions) =>
  new Intl.DateTimeFormat("en-GB", { ...options, ...(timeZone ? { timeZone } : {}) })

/** "Tue 3 Dec 2026" */
export const formatVisitDay = (iso: string, timeZone?: string) =>
  inZone(timeZone, { weekday: "short", day: "numeric", month: "short", year: "numeric" }).format(new Date(iso))

/** "09:00" */
export const formatVisitTime = (iso: string, timeZone?: string) =>
  inZone(timeZone, { hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(new Date(iso))

/** "09:00–11:00": the arrival window when there is one, otherwise the visit. */
export const formatVisitTimes = (booking: { starts_at: string; ends_at: string; window_ends_at: string | null }, timeZone?: string) =>
  `${formatVisitTime(booking.starts_at, timeZone)}–${formatVisitTime(booking.window_ends_at ?? booking.ends_at, timeZone)}`

/** "2026-12-03": today's date in the time zone, for date inputs. */
export function todayIn(timeZone?: string): string {
  return inZone(timeZone, { year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date()).split("/").reverse().join("-")
}

/** "2.4 MB", "830 KB" */
export function formatFileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`
}

export const formatMoney = (amount: number, currencyCode: string) => {
  try {
    return new Intl.NumberFormat(undefined, { style: "currency", currency: currencyCode.toUpperCase() }).format(amount)
  } catch {
    return `${amount} ${currencyCode.toUpperCase()}`
  }
}

export const isImage = (attachment: Pick<BookingAttachment, "mime_type">) => attachment.mime_type.startsWith("image/")

/** "BS, BA1" or "Anywhere". */
export const describeAreas = (areas: string[]) => (areas.length ? areas.join(", ") : "Anywhere")
