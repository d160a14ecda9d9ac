// Customer portal access, served by the plugin's /admin/customers/:id/account, /portal-invite, /restore
// and /admin/portal/* routes.

import type { ProfileStatus } from "./profile"

/** GET /admin/customers/:id/account → `{ account }`. */
export type PortalAccount = {
  customer_id: string
  status: ProfileStatus
  has_login: boolean
  /** Auth provider ids, e.g. "emailpass", "google", "booking-number". */
  login_methods: string[]
  email_verified_at: string | null
  last_invite_sent_at: string | null
  portal_enabled: boolean
}
export type PortalAccountResponse = { account: PortalAccount }

/** POST /admin/customers/:id/portal-invite → `{ invite }`. */
export type PortalInviteResponse = {
  invite: { sent_at: string; expires_at: string; template: "portal-invite" | "confirm-account" }
}

/** DELETE /admin/customers/:id/account */
export type DeleteAccountResponse = { id: string; deleted: true; restorable_until: string }
/** POST /admin/customers/:id/restore */
export type RestoreCustomerResponse = { id: string; restored: true }

/** The fields every /admin/portal/*-customers list returns for a customer. */
export type ListedCustomer = {
  id: string
  email: string
  first_name: string | null
  last_name: string | null
}

export type DeletedCustomer = ListedCustomer & {
  deleted_at: string
  restorable_until: string
}
/** GET /admin/portal/deleted-customers */
export type DeletedCustomersResponse = { customers: DeletedCustomer[] }

export type ArchivedCustomer = ListedCustomer & { archived_at: string }
/** GET /admin/portal/archived-customers; archived customers are hidden from the dashboard's customer list. */
export type ArchivedCustomersResponse = { customers: ArchivedCustomer[] }

/** POST /admin/customers/:id/profile, e.g. `{ status: "active" }` to unarchive → `{ profile }`. */
export type { CustomerProfileResponse } from "./profile"

export type PortalSettings = {
  portal_enabled: boolean
  closed_message: string
  /** Customers can cancel / reschedule in the portal until this many hours before the arrival window. */
  cancellation_cutoff_hours: number
  reschedule_cutoff_hours: number
  /** The fee and refund rules, shown to customers before they cancel or reschedule. */
  cancellation_policy: string
  /** Given to customers who need to change a booking after the cut-off. */
  office_phone: string | null
  updated_at: string
}
/** GET and POST /admin/portal/settings */
export type PortalSettingsResponse = { settings: PortalSettings }
/** Body of POST /admin/portal/settings; any subset. */
export type PortalSettingsInput = Partial<
  Pick<PortalSettings, "portal_enabled" | "closed_message" | "cancellation_cutoff_hours" | "reschedule_cutoff_hours" | "cancellation_policy" | "office_phone">
>

/** What each status action does, and what staff are told before they do it (customer page and directory). */
export const STATUS_ACTIONS = {
  block: {
    label: "Block",
    to: "blocked",
    done: "Customer blocked",
    title: "Block this customer?",
    description: "They will not be able to log in to the portal or book; they see a polite message instead. You can unblock them at any time.",
  },
  unblock: {
    label: "Unblock",
    to: "active",
    done: "Customer unblocked",
    title: "Unblock this customer?",
    description: "They will be able to log in to the portal and book again.",
  },
  archive: {
    label: "Archive",
    to: "archived",
    done: "Customer archived",
    title: "Archive this customer?",
    description: "Their portal login is deactivated and they are hidden from customer lists. Their data is kept, and you can unarchive them at any time.",
  },
  unarchive: {
    label: "Unarchive",
    to: "active",
    done: "Customer unarchived",
    title: "Unarchive this customer?",
    description: "Their portal login is reactivated and they appear in customer lists again.",
  },
} satisfies Record<string, { label: string; to: ProfileStatus; done: string; title: string; description: string }>

export type StatusAction = keyof typeof STATUS_ACTIONS

export const accountPath = (customerId: string) => `/admin/customers/${customerId}/account`

export const portalQueryKeys = {
  account: (customerId: string) => ["customer-portal-account", customerId] as const,
  /** The customer profile widget's key; its status badge changes with the account's. */
  profile: (customerId: string) => ["customer-profile", customerId] as const,
  settings: ["portal-settings"] as const,
  deletedCustomers: ["portal-deleted-customers"] as const,
  archivedCustomers: ["portal-archived-customers"] as const,
  /** The dashboard's own customer queries (list and detail), so deleted/restored customers show up right. */
  dashboardCustomers: ["customers"] as const,
}

const LOGIN_METHOD_LABELS: Record<string, string> = {
  emailpass: "Password",
  google: "Google",
  github: "GitHub",
  "booking-number": "Booking number",
}

/** "Password, Google" for ["emailpass", "google"]; unknown providers are shown by their id, tidied. */
export function describeLoginMethods(methods: string[]): string {
  return methods
    .map((method) => {
      const label = LOGIN_METHOD_LABELS[method]
      if (label) return label
      const words = method.replace(/[-_]+/g, " ").trim()
      return words.charAt(0).toUpperCase() + words.slice(1)
    })
    .join(", ")
}

// Account events are moments, shown in the staff member's own time zone.

const toDate = (iso: string | null | undefined) => {
  if (!iso) return null
  const date = new Date(iso)
  return Number.isNaN(date.getTime()) ? null : date
}

/** "12 Nov 2025" */
export function formatDay(iso: string | null | undefined): string {
  const date = toDate(iso)
  return date ? new Intl.DateTimeFormat(undefined, { dateStyle: "medium" }).format(date) : "—"
}

/** "12 Nov 2025, 14:05" */
export function formatDateTime(iso: string | null | undefined): string {
  const date = toDate(iso)
  return date ? new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" }).format(date) : "—"
}

const RELATIVE_UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["year", 365 * 24 * 60 * 60],
  ["month", 30 * 24 * 60 * 60],
  ["week", 7 * 24 * 60 * 60],
  ["day", 24 * 60 * 60],
  ["hour", 60 * 60],
  ["minute", 60],
]

/** "3 days ago", "yesterday", "just now". */
export function formatRelative(iso: string | null | undefined, now: Date = new Date()): string {
  const date = toDate(iso)
  if (!date) return "—"
  const seconds = (date.getTime() - now.getTime()) / 1000
  const format = new Intl.RelativeTimeFormat(undefined, { numeric: "auto" })
  for (const [unit, size] of RELATIVE_UNITS) {
    if (Math.abs(seconds) >= size) return format.format(Math.round(seconds / size), unit)
  }
  return "just now"
}
