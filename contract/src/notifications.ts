// The customer's portal feed: /store/customers/me/notifications, and which events make a notice or an email.

/** One notice in the feed (a booking confirmed, moved, cancelled, a quote sent…), written by the subscribers. */
export type StoreNotification = {
  id: string
  title: string
  message: string
  /** The portal page it is about, e.g. /bookings/bkg_… */
  url: string
  resource_id: string | null
  resource_type: string | null
  created_at: string
  /** When the customer opened it, or marked everything read; null while unread. */
  read_at: string | null
}
/** GET /store/customers/me/notifications: newest first, a page at a time, with the unread count. */
export type StoreNotificationListResponse = {
  notifications: StoreNotification[]
  count: number
  offset: number
  limit: number
  unread_count: number
}
/** GET /store/customers/me/notifications/unread-count (the bell in the portal's header). */
export type StoreNotificationUnreadCountResponse = { unread_count: number }
/** POST /store/customers/me/notifications/:id/read */
export type StoreNotificationResponse = { notification: StoreNotification; unread_count: number }
/** POST /store/customers/me/notifications/read-all */
export type StoreNotificationsReadAllResponse = { read_at: string; unread_count: number }

/** The events that tell the customer something, in the order Settings lists them. */
export const NOTICE_EVENTS = [
  "booking_confirmed",
  "booking_changed",
  "booking_started",
  "booking_completed",
  "booking_cancelled",
  "quote_sent",
  "invoice_issued",
  "invoice_overdue",
  "message_received",
] as const
export type NoticeEvent = (typeof NOTICE_EVENTS)[number]

/** Per event: a portal notification, and an email too. */
export type NoticeSetting = { notice: boolean; email: boolean }
export type NoticeSettings = Record<NoticeEvent, NoticeSetting>

/**
 * How each event's email works. "always": a service email the customer needs (the booking
 * confirmation, the quote to accept, the invoice, a message from the office) and is always sent;
 * "switch": the business decides. The label and the note are Settings' words.
 */
export const NOTICE_EVENT_RULES: Record<NoticeEvent, { label: string; email: "always" | "switch"; email_note?: string }> = {
  booking_confirmed: { label: "Booking confirmed", email: "always", email_note: "The booking confirmation email is always sent." },
  booking_changed: { label: "Booking rescheduled", email: "switch" },
  booking_started: { label: "Visit started", email: "switch" },
  booking_completed: { label: "Visit completed", email: "switch" },
  booking_cancelled: { label: "Booking cancelled", email: "switch" },
  quote_sent: { label: "Quote sent", email: "always", email_note: "The quote email (with its PDF and the link to accept it) is always sent." },
  invoice_issued: { label: "Invoice issued", email: "always", email_note: "The invoice email (with its PDF) is always sent." },
  invoice_overdue: { label: "Invoice overdue", email: "switch" },
  message_received: { label: "Message from the office", email: "always", email_note: "Messages are always emailed when the customer is away." },
}

/** Every notification on; emails as they were sent before the settings existed. */
export const DEFAULT_NOTICE_SETTINGS: NoticeSettings = {
  booking_confirmed: { notice: true, email: true },
  booking_changed: { notice: true, email: true },
  booking_started: { notice: true, email: false },
  booking_completed: { notice: true, email: false },
  booking_cancelled: { notice: true, email: true },
  quote_sent: { notice: true, email: true },
  invoice_issued: { notice: true, email: true },
  invoice_overdue: { notice: true, email: false },
  message_received: { notice: true, email: true },
}

/** Stored settings (possibly from before an event existed) over the defaults; "always" emails stay on. */
export function resolveNoticeSettings(stored: Partial<Record<string, Partial<NoticeSetting>>> | null | undefined): NoticeSettings {
  const settings = {} as NoticeSettings
  for (const event of NOTICE_EVENTS) {
    const saved = stored?.[event] ?? {}
    settings[event] = {
      notice: typeof saved.notice === "boolean" ? saved.notice : DEFAULT_NOTICE_SETTINGS[event].notice,
      email: NOTICE_EVENT_RULES[event].email === "always" ? true : typeof saved.email === "boolean" ? saved.email : DEFAULT_NOTICE_SETTINGS[event].email,
    }
  }
  return settings
}

// Portal sign-ins (issue #21 item 6).

/** How a customer signed in: Medusa's auth provider ids, and "email_confirmation" for the confirm-your-email link. */
export type PortalLoginMethod = "emailpass" | "magic-link" | "google" | "facebook" | "booking-number" | "email_confirmation"
export const PORTAL_LOGIN_METHOD_LABELS: Record<PortalLoginMethod, string> = {
  emailpass: "Password",
  "magic-link": "Sign-in link",
  google: "Google",
  facebook: "Facebook",
  "booking-number": "Booking number",
  email_confirmation: "Email confirmation link",
}
export type PortalLastSignIn = { at: string; method: PortalLoginMethod }
/** GET /admin/portal/log-ins: sign-ins per day in the business's time zone, oldest first, every day present. */
export type AdminPortalLoginsResponse = {
  days: { date: string; count: number }[]
  total: number
  /** Different customers who signed in over the period. */
  customers: number
}
