// Visit reminders (Settings → Customer portal → "Visit reminders") and the emails' one-click unsubscribe.

/** The non-essential emails a customer can turn off, each with its switch on the customer's profile. */
export const EMAIL_PREFERENCE_KINDS = ["reminders", "feedback", "marketing"] as const
export type EmailPreferenceKind = (typeof EMAIL_PREFERENCE_KINDS)[number]

/** The profile field each kind turns off. */
export const EMAIL_PREFERENCE_FIELDS = {
  reminders: "reminder_emails",
  feedback: "feedback_emails",
  marketing: "marketing_emails",
} as const satisfies Record<EmailPreferenceKind, string>

/** What the customer calls each kind of email. */
export const EMAIL_PREFERENCE_LABELS: Record<EmailPreferenceKind, string> = {
  reminders: "appointment reminders",
  feedback: "requests to rate a visit",
  marketing: "news and offers",
}

/** Lead times: whole hours before the visit's arrival window, at most this many of them. */
export const REMINDER_LEAD_HOURS_MAX = 336
export const REMINDER_LEAD_TIMES_MAX = 4
export const DEFAULT_REMINDER_LEAD_HOURS = [48, 2] as const

export type AdminVisitReminderSettings = {
  enabled: boolean
  /** Hours before each visit's start a reminder goes, longest first ([48, 2]: two days and two hours before). */
  lead_hours: number[]
  updated_at: string | null
}
/** GET and POST /admin/portal/visit-reminders */
export type AdminVisitReminderSettingsResponse = { settings: AdminVisitReminderSettings }
/** Body of POST /admin/portal/visit-reminders; either or both. */
export type AdminUpdateVisitReminderSettings = Partial<Pick<AdminVisitReminderSettings, "enabled" | "lead_hours">>

/** The signed link's parts, as the email's link carries them (`/unsubscribe?customer=…&kind=…&signature=…`). */
export type StoreUnsubscribeRequest = { customer: string; kind: EmailPreferenceKind; signature: string }
/** GET /store/portal/unsubscribe?… (what the link would turn off) and POST (turned off). */
export type StoreUnsubscribeResponse = {
  kind: EmailPreferenceKind
  /** "appointment reminders" */
  label: string
  /** Whether those emails are still sent (false after the POST). */
  subscribed: boolean
  /** The address, partly hidden ("j•••@example.com"), so the customer knows which account it is. */
  email_hint: string
}
