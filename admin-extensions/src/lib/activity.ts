// The customer's activity timeline and communication log, served by the plugin's
// /admin/customers/:id/activity, /communications and /messages routes.

import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { sdk } from "./sdk"
import { activityValueText } from "@fieldservice/contract"
import type {
  AdminActivityListResponse as ActivityPage,
  AdminCommunicationListResponse as CommunicationPage,
  AdminCommunicationResponse as CommunicationResponse,
  AdminSendMessage as MessageInput,
  ActivityActor,
} from "@fieldservice/contract"

export const PAGE_SIZE = 20

export const activityQueryKeys = {
  activity: (customerId: string) => ["customer-activity", customerId] as const,
  communications: (customerId: string) => ["customer-communications", customerId] as const,
  communication: (customerId: string, id: string) => ["customer-communication", customerId, id] as const,
}

/** The timeline a page at a time ("Load more"). */
export function useCustomerActivity(customerId: string) {
  return useInfiniteQuery({
    queryKey: activityQueryKeys.activity(customerId),
    initialPageParam: 0,
    queryFn: ({ pageParam }) => sdk.client.fetch<ActivityPage>(`/admin/customers/${customerId}/activity`, { query: { limit: PAGE_SIZE, offset: pageParam } }),
    getNextPageParam: (last) => (last.offset + last.activity.length < last.count ? last.offset + last.activity.length : undefined),
  })
}

export function useCustomerCommunications(customerId: string, enabled: boolean) {
  return useInfiniteQuery({
    queryKey: activityQueryKeys.communications(customerId),
    initialPageParam: 0,
    enabled,
    queryFn: ({ pageParam }) =>
      sdk.client.fetch<CommunicationPage>(`/admin/customers/${customerId}/communications`, { query: { limit: PAGE_SIZE, offset: pageParam } }),
    getNextPageParam: (last) => (last.offset + last.communications.length < last.count ? last.offset + last.communications.length : undefined),
  })
}

export function useCommunication(customerId: string, id: string | null) {
  return useQuery({
    queryKey: activityQueryKeys.communication(customerId, id ?? ""),
    enabled: !!id,
    queryFn: () => sdk.client.fetch<CommunicationResponse>(`/admin/customers/${customerId}/communications/${id}`),
  })
}

/** "Send message": refreshes the communication log and the timeline once sent. */
export function useSendMessage(customerId: string) {
  const queryClient = useQueryClient()
  return useMutation<CommunicationResponse, Error, MessageInput>({
    mutationFn: (body) => sdk.client.fetch<CommunicationResponse>(`/admin/customers/${customerId}/messages`, { method: "POST", body }),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: activityQueryKeys.communications(customerId) }),
        queryClient.invalidateQueries({ queryKey: activityQueryKeys.activity(customerId) }),
      ]),
  })
}

const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/

/** A recorded date ("2026-03-12" or an ISO time) in the admin's locale; null when `text` isn't one. */
function localDate(text: string): string | null {
  if (DATE_ONLY.test(text)) {
    // A calendar day: read at noon UTC so no time zone moves it to another day.
    const day = new Date(`${text}T12:00:00Z`)
    return Number.isNaN(day.getTime()) ? null : new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeZone: "UTC" }).format(day)
  }
  if (!DATE_TIME.test(text)) return null
  const date = new Date(text)
  return Number.isNaN(date.getTime()) ? null : new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" }).format(date)
}

/** How a value before or after an edit reads in "View changes": in the page's words, dates in the admin's locale. */
export function formatChangeValue(value: unknown, field = "", side: "before" | "after" = "after"): string {
  if (value === null || value === undefined || value === "") return "—"
  const text = activityValueText(field, value, side)
  if (text) return text
  if (typeof value === "boolean") return value ? "Yes" : "No"
  if (Array.isArray(value)) return value.length ? value.map((item) => formatChangeValue(item)).join(", ") : "—"
  if (typeof value === "string") return localDate(value) ?? value
  if (typeof value === "object") return JSON.stringify(value)
  return String(value)
}

/** A timeline line with the dates quoted in it (“2026-03-12”) in the admin's locale. */
export function localizeMessage(message: string): string {
  return message.replace(/“(\d{4}-\d{2}-\d{2}(?:T[\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?)”/g, (quoted, text: string) => {
    const local = localDate(text)
    return local ? `“${local}”` : quoted
  })
}

/** Who made a change, in the words staff read on the timeline. */
export function actorLabel(actor: ActivityActor, customerId: string): string {
  if (actor.type === "staff")
    return actor.name && actor.email && actor.name !== actor.email ? `${actor.name} (${actor.email})` : actor.name || actor.email || "A staff member"
  if (actor.type === "customer") return !actor.id || actor.id === customerId ? "The customer" : `Customer ${actor.name ?? actor.id}`
  return "The system"
}
