// The customer's portal feed: /store/customers/me/notifications.

/** One notice in the feed (a booking confirmed, moved, cancelled…), written by the booking subscribers. */
export type StoreNotification = {
  id: string
  title: string
  message: string
  /** The portal page it is about, e.g. /bookings/bkg_… */
  url: string
  resource_id: string | null
  resource_type: string | null
  created_at: string
}
/** GET /store/customers/me/notifications: the latest 50, newest first. */
export type StoreNotificationListResponse = { notifications: StoreNotification[] }
