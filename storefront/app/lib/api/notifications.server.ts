import type {
  StoreNotificationListResponse,
  StoreNotificationResponse,
  StoreNotificationsReadAllResponse,
  StoreNotificationUnreadCountResponse,
} from "@fieldservice/contract"

import { apiFetch } from "~/lib/api/api.server"

export const NOTIFICATIONS_PER_PAGE = 20

/** A page of the customer's notifications, newest first, with the unread count. */
export function getNotifications(token: string, offset: number): Promise<StoreNotificationListResponse> {
  return apiFetch<StoreNotificationListResponse>(`/store/customers/me/notifications?limit=${NOTIFICATIONS_PER_PAGE}&offset=${offset}`, { token })
}

/** The number on the header's bell. */
export async function getUnreadCount(token: string): Promise<number> {
  return (await apiFetch<StoreNotificationUnreadCountResponse>("/store/customers/me/notifications/unread-count", { token })).unread_count
}

/** The customer opened a notification: read, and where it leads. */
export function markNotificationRead(token: string, id: string): Promise<StoreNotificationResponse> {
  return apiFetch<StoreNotificationResponse>(`/store/customers/me/notifications/${encodeURIComponent(id)}/read`, { token, method: "POST" })
}

export function markAllNotificationsRead(token: string): Promise<StoreNotificationsReadAllResponse> {
  return apiFetch<StoreNotificationsReadAllResponse>("/store/customers/me/notifications/read-all", { token, method: "POST" })
}

/** The header's count on every page: never the reason a page fails (null when it can't be read). */
export async function unreadNotifications(token: string | undefined): Promise<number | null> {
  if (!token) return null
  return getUnreadCount(token).catch(() => null)
}
