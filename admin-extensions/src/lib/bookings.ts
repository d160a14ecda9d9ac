// Bookings for staff, served by the plugin's /admin/bookings routes (list, one booking, assign a
// fieldworker, change status), and the field team from /admin/fieldworkers.

import { useQuery } from "@tanstack/react-query"
import { sdk } from "./sdk"
import {
  type BookingStatus,
  type AdminBookingResponse as BookingResponse,
  type AdminFieldworkerListResponse as FieldworkerListResponse,
  type AdminBookingListResponse as BookingListResponse,
  type AdminBookingAttachment as BookingAttachment,
} from "@fieldservice/contract"

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

export const bookingQueryKeys = {
  all: ["admin-bookings"] as const,
  list: (query: string) => ["admin-bookings", "list", query] as const,
  detail: (id: string) => ["admin-bookings", "detail", id] as const,
  fieldworkers: ["admin-fieldworkers"] as const,
}

export { ApiError, adminFetch } from "./sdk"

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
