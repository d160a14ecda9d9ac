// The schedule board, served by the plugin's GET /admin/schedule; moves go through the booking
// routes (assign a fieldworker, reschedule), so the board follows the same rules as the booking page.

import { useQuery } from "@tanstack/react-query"
import { adminFetch, bookingListQuery } from "./bookings"
import type { AdminFreeWindowsResponse, AdminScheduleResponse, AdminScheduleVisit } from "@fieldservice/contract"

export const scheduleQueryKeys = {
  all: ["admin-schedule"] as const,
  board: (query: string) => ["admin-schedule", "board", query] as const,
  windows: (bookingId: string, day: string, days: number) => ["admin-schedule", "windows", bookingId, day, days] as const,
}

export type ScheduleFilters = { from: string; to: string; postcode_area?: string; service_id?: string; fieldworker_id?: string }

export function useSchedule(filters: ScheduleFilters) {
  const query = bookingListQuery(filters)
  return useQuery({
    queryKey: scheduleQueryKeys.board(query),
    queryFn: () => adminFetch<AdminScheduleResponse>(`/admin/schedule?${query}`),
    placeholderData: (previous) => previous,
  })
}

/** The windows of the visit's service with room, `days` days from `day`. */
export function useFreeWindows(bookingId: string | null, day: string, days: number) {
  return useQuery({
    queryKey: scheduleQueryKeys.windows(bookingId ?? "", day, days),
    queryFn: () => adminFetch<AdminFreeWindowsResponse>(`/admin/bookings/${bookingId}/free-windows?from=${day}&days=${days}`),
    enabled: !!bookingId,
  })
}

// ---- Days ("2026-12-01") in the business's calendar ---------------------------------------------

/** "2026-12-01" plus some days. */
export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`)
  date.setUTCDate(date.getUTCDate() + days)
  return date.toISOString().slice(0, 10)
}

/** The Monday of the day's week. */
export function weekStart(day: string): string {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay()
  return addDays(day, -((weekday + 6) % 7))
}

export const daysFrom = (first: string, count: number) => Array.from({ length: count }, (_, index) => addDays(first, index))

/** The business's calendar day of an instant. */
export const dayOf = (iso: string, timeZone?: string) =>
  new Intl.DateTimeFormat("en-CA", { year: "numeric", month: "2-digit", day: "2-digit", ...(timeZone ? { timeZone } : {}) }).format(new Date(iso))

/** The hour (0–23) on the business's clock. */
export const hourOf = (iso: string, timeZone?: string) =>
  Number(new Intl.DateTimeFormat("en-GB", { hour: "2-digit", hourCycle: "h23", ...(timeZone ? { timeZone } : {}) }).format(new Date(iso)))

/** "Tue 9 Mar" */
export const shortDay = (day: string) =>
  new Intl.DateTimeFormat("en-GB", { weekday: "short", day: "numeric", month: "short", timeZone: "UTC" }).format(new Date(`${day}T00:00:00Z`))

/** "Tuesday 9 March 2032" */
export const longDay = (day: string) =>
  new Intl.DateTimeFormat("en-GB", { weekday: "long", day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(new Date(`${day}T00:00:00Z`))

/** "Regular Home Clean (3 bedrooms)" */
export const serviceLabel = (visit: Pick<AdminScheduleVisit, "service_title" | "option_title">) =>
  visit.option_title ? `${visit.service_title} (${visit.option_title})` : visit.service_title

/** Who the visit is for, as the board shows it. */
export const visitPerson = (visit: AdminScheduleVisit) => visit.customer_name || visit.contact_name || "Guest"

/** Visits can be moved while they are still to happen. */
export const canMove = (visit: AdminScheduleVisit) => visit.status === "requested" || visit.status === "confirmed"
