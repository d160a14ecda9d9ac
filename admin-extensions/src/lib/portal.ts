// Customer portal access, served by the plugin's /admin/customers/:id/account, /portal-invite, /restore
// and /admin/portal/* routes.

/** GET /admin/customers/:id/account → `{ account }`. */
import type { ProfileStatus } from "@fieldservice/contract"

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
