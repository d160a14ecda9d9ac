// The customer's profile, served by the plugin's /admin/customers/:id/profile route (GET and POST).

export type ProfileKind = "personal" | "business"
export type ProfileStatus = "active" | "blocked" | "archived"
export type PhoneType = "phone" | "mobile"

/** One of the customer's extra emails (the account email is the login, kept separately). */
export type ProfileEmail = { id: string; kind: "email"; value: string; is_primary: boolean }
export type ProfilePhone = { id: string; kind: PhoneType; value: string; is_primary: boolean }

/** GET /admin/customers/:id/profile → `{ profile }`; staff also see the tax, payment and notes fields. */
export type CustomerProfile = {
  id: string
  kind: ProfileKind
  status: ProfileStatus
  status_changed_at: string | null
  email_verified_at: string | null
  additional_names: string[]
  marketing_emails: boolean
  reminder_emails: boolean
  tax_exempt: boolean
  /** A percentage, 0–100; null uses the normal rate. */
  tax_rate_override: number | null
  /** Whole days, 0–365; null uses the company default. */
  payment_terms_days: number | null
  internal_notes: string | null
  first_name: string | null
  last_name: string | null
  account_email: string
  emails: ProfileEmail[]
  phones: ProfilePhone[]
}

/**
 * Body of POST /admin/customers/:id/profile; any subset. `emails` and `phones` replace the
 * whole lists and must be sent together.
 */
export type CustomerProfileUpdate = Partial<{
  kind: ProfileKind
  status: ProfileStatus
  first_name: string
  last_name: string
  additional_names: string[]
  marketing_emails: boolean
  reminder_emails: boolean
  tax_exempt: boolean
  tax_rate_override: number | null
  payment_terms_days: number | null
  internal_notes: string | null
  emails: { email: string; is_primary?: boolean }[]
  phones: { number: string; type: PhoneType; is_primary?: boolean }[]
}>

/** GET and POST /admin/customers/:id/profile answer with the profile. */
export type CustomerProfileResponse = { profile: CustomerProfile }

export const profilePath = (customerId: string) => `/admin/customers/${customerId}/profile`
/** Shared with the portal access widget, which refreshes the status badge. */
export const profileQueryKey = (customerId: string) => ["customer-profile", customerId] as const

/** The API's limit on other names, emails and phone numbers (each). */
export const MAX_LIST_ITEMS = 10
export const MAX_NOTES_LENGTH = 10000

export const KIND_LABELS: Record<ProfileKind, string> = {
  personal: "Personal",
  business: "Business",
}

export const STATUS_LABELS: Record<ProfileStatus, string> = {
  active: "Active",
  blocked: "Blocked",
  archived: "Archived",
}

export const STATUS_COLORS: Record<ProfileStatus, "green" | "red" | "grey"> = {
  active: "green",
  blocked: "red",
  archived: "grey",
}

export const PHONE_TYPE_LABELS: Record<PhoneType, string> = {
  mobile: "Mobile",
  phone: "Phone",
}

/** The payment terms offered in the menu, in days; anything else is "Custom…". */
export const PAYMENT_TERMS_PRESETS = [0, 7, 14, 30] as const

/** The payment terms menu's value for a number of days: "default", "0", "7", "14", "30" or "custom". */
export function paymentTermsChoice(days: number | null): string {
  if (days === null) return "default"
  return (PAYMENT_TERMS_PRESETS as readonly number[]).includes(days) ? String(days) : "custom"
}

/** Whole days 0–365 from a text field, or an error message. */
export function parsePaymentTermsDays(text: string): { ok: true; days: number } | { ok: false; message: string } {
  const trimmed = text.trim()
  if (!/^\d+$/.test(trimmed)) return { ok: false, message: "Enter a whole number of days." }
  const days = Number(trimmed)
  if (days > 365) return { ok: false, message: "Payment terms can be at most 365 days." }
  return { ok: true, days }
}

/** A percentage 0–100 from a text field (empty clears it), or an error message. */
export function parseTaxRate(text: string): { ok: true; rate: number | null } | { ok: false; message: string } {
  const trimmed = text.trim().replace(/%$/, "").trim()
  if (trimmed === "") return { ok: true, rate: null }
  const rate = Number(trimmed)
  if (!Number.isFinite(rate) || rate < 0 || rate > 100) {
    return { ok: false, message: "Enter a percentage from 0 to 100, or leave it empty for the normal rate." }
  }
  return { ok: true, rate }
}

export const fullName = (profile: Pick<CustomerProfile, "first_name" | "last_name">) =>
  [profile.first_name, profile.last_name].filter(Boolean).join(" ")
