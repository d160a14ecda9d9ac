// The customer's profile: GET/POST /store/customers/me/profile (the customer's own view) and
// GET/POST /admin/customers/:id/profile (the whole customer page, staff fields included).
import type { BaseCustomerAddress } from "./addresses"
import type { AdminBusinessProfile } from "./business-profiles"
import type { AdditionalContact } from "./contacts"
import type { CustomFieldWithValue } from "./custom-fields"
import type { AdminDependent } from "./dependents"
import type { CustomFieldValue } from "./rules/custom-fields"
import type { ProfileKind, ProfileStatus } from "./rules/statuses"

export type PhoneType = "phone" | "mobile"

/**
 * One of the customer's other emails. The primary email and phone are the customer's own
 * (`account_email`, `account_phone`), never repeated in these lists.
 */
export type ProfileEmail = { id: string; kind: "email"; value: string }
export type ProfilePhone = { id: string; kind: PhoneType; value: string }
export type ProfileContactMethod = ProfileEmail | ProfilePhone

/** A business profile as the customer page lists it. */
export type AdminCustomerProfileBusinessProfile = Omit<AdminBusinessProfile, "customer_id" | "updated_at">

/** One entry of the customer's history (staff only), newest first. */
export type AdminProfileActivity = {
  id: string
  /** "custom_field_deleted", "dependent_type_deleted", … */
  kind: string
  /** Written for a person, e.g. "Field “Gate code” was deleted. Its value was “4471”." */
  message: string
  data: Record<string, unknown> | null
  /** The staff member's email, when a person did it. */
  actor: string | null
  created_at: string
}

/** GET /admin/customers/:id/profile → `{ profile }`: the whole customer page, staff fields included. */
export type AdminCustomerProfile = {
  id: string
  kind: ProfileKind
  status: ProfileStatus
  status_changed_at: string | null
  email_verified_at: string | null
  additional_names: string[]
  marketing_emails: boolean
  reminder_emails: boolean
  /** Rating and review requests after a visit. */
  feedback_emails: boolean
  tax_exempt: boolean
  /** A percentage, 0–100; null uses the normal rate. */
  tax_rate_override: number | null
  /** Whole days, 0–365; null uses the company default. */
  payment_terms_days: number | null
  internal_notes: string | null
  first_name: string | null
  last_name: string | null
  /** The primary email (Medusa's customer email); for a customer with a login, the sign-in email. */
  account_email: string
  /** True when the customer signs in: `account_email` is then the sign-in email and stays the primary one. */
  has_login: boolean
  /** The primary phone (Medusa's customer phone; the one given at sign-up until changed): the number to call. */
  account_phone: string | null
  /** The other emails and numbers. */
  emails: ProfileEmail[]
  phones: ProfilePhone[]
  picture_url: string | null
  /** Every custom field (staff-only ones too), in rank order, with this customer's value. */
  custom_fields: CustomFieldWithValue[]
  additional_contacts: AdditionalContact[]
  /** True: invoices go to the booking address, and any billing address is kept but unused. */
  billing_same_as_booking: boolean
  billing_address: BaseCustomerAddress | null
  /** The customer's other (labelled) addresses. */
  locations: BaseCustomerAddress[]
  tags: string[]
  /** Oldest first. */
  business_profiles: AdminCustomerProfileBusinessProfile[]
  dependents: AdminDependent[]
  /** The latest 50 entries, newest first. */
  activity: AdminProfileActivity[]
}

/**
 * Body of POST /admin/customers/:id/profile; any subset. `emails` and `phones` are the whole lists,
 * the primary phone included, and must be sent together. The number marked `is_primary` (else the
 * current phone if listed, else the first) becomes the customer's own phone; with no numbers the
 * phone is cleared. For a customer without a login an email marked `is_primary` becomes their
 * email; unmarked, the email stays. The others are kept as extras. A customer with a login keeps
 * the sign-in email as the primary one (another marked primary is a 400).
 */
export type AdminUpdateCustomerProfile = Partial<{
  kind: ProfileKind
  status: ProfileStatus
  first_name: string
  last_name: string
  additional_names: string[]
  marketing_emails: boolean
  reminder_emails: boolean
  /** Rating and review requests after a visit. */
  feedback_emails: boolean
  tax_exempt: boolean
  tax_rate_override: number | null
  payment_terms_days: number | null
  internal_notes: string | null
  emails: { email: string; is_primary?: boolean }[]
  phones: { number: string; type: PhoneType; is_primary?: boolean }[]
  /** Only the keys sent change; null or "" clears a value. A bad value is a 400 naming the field. */
  custom_fields: Record<string, CustomFieldValue>
  billing_same_as_booking: boolean
  /** The whole list; new tags are created by using them. */
  tags: string[]
}>

/** GET and POST /admin/customers/:id/profile answer with the profile. */
export type AdminCustomerProfileResponse = { profile: AdminCustomerProfile }

/** The customer's own view: no staff fields (tax, payment terms, notes, tags, business profiles, dependents, activity). */
export type StoreCustomerProfile = Omit<
  AdminCustomerProfile,
  "tax_exempt" | "tax_rate_override" | "payment_terms_days" | "internal_notes" | "tags" | "business_profiles" | "dependents" | "activity"
>

/** Body of POST /store/customers/me/profile; any subset. `emails` and `phones` are whole lists, sent together. */
export type StoreUpdateCustomerProfile = Pick<
  AdminUpdateCustomerProfile,
  | "kind"
  | "first_name"
  | "last_name"
  | "additional_names"
  | "marketing_emails"
  | "reminder_emails"
  | "feedback_emails"
  | "emails"
  | "phones"
  | "custom_fields"
  | "billing_same_as_booking"
>
export type StoreCustomerProfileResponse = { profile: StoreCustomerProfile }

/** Medusa's GET /store/customers/me, with the fields the portal reads. */
export type StoreCustomer = { id: string; email: string; first_name: string | null; last_name: string | null; phone: string | null }
export type StoreCustomerResponse = { customer: StoreCustomer }

/** POST /store/customers/me/profile/picture and /admin/customers/:id/picture → `{ picture_url }`; DELETE → `{ picture_url: null }`. */
export type PictureResponse = { picture_url: string | null }
