// The customer's profile, served by the plugin's /admin/customers/:id/profile route (GET and POST).
// GET answers with the whole customer page (custom fields, contacts, addresses, tags, picture,
// business profiles, dependents, activity), so every widget on the page reads one shared query.

import { toast } from "@medusajs/ui"
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import type { BusinessProfile } from "./business-profile"
import { sdk } from "./sdk"

export type ProfileKind = "personal" | "business"
export type ProfileStatus = "active" | "blocked" | "archived"
export type PhoneType = "phone" | "mobile"

/** One of the customer's extra emails (the account email is the login, kept separately). */
export type ProfileEmail = { id: string; kind: "email"; value: string; is_primary: boolean }
export type ProfilePhone = { id: string; kind: PhoneType; value: string; is_primary: boolean }

/** A customer address (Medusa's own); `address_name` is its label, e.g. "Home" or "Billing". */
export type Address = {
  id: string
  address_name: string | null
  first_name: string | null
  last_name: string | null
  company: string | null
  address_1: string
  address_2: string | null
  city: string
  province: string | null
  postal_code: string
  /** Lowercase, e.g. "gb". */
  country_code: string
  phone: string | null
  is_default_billing: boolean
  is_default_shipping: boolean
}

export type CustomFieldType = "text" | "number" | "date" | "dropdown" | "boolean"
export type CustomFieldVisibility = "customer" | "staff"
export type NumberFieldConfig = { integer?: boolean; min?: number; max?: number }
export type DropdownFieldConfig = { options: string[] }

/** A custom field's definition (Settings → custom fields). */
export type CustomFieldDefinition = {
  id: string
  /** "gate_code" */
  key: string
  /** "Gate code" */
  label: string
  type: CustomFieldType
  required: boolean
  /** Staff-only fields are never shown to the customer. */
  visibility: CustomFieldVisibility
  rank: number
  help_text: string | null
  config: NumberFieldConfig | DropdownFieldConfig | null
}

/** A custom field value: text, number, boolean, or a date as "YYYY-MM-DD"; null is empty. */
export type CustomFieldValue = string | number | boolean | null
export type CustomFieldWithValue = CustomFieldDefinition & { value: CustomFieldValue }

/** Someone else to contact about this customer's visits, e.g. a tenant or a site manager. */
export type AdditionalContact = {
  id: string
  name: string
  role: string | null
  emails: string[]
  /** Normalised, e.g. "+447700900123". */
  phones: string[]
}

/** A kind of thing a customer has that visits are about, e.g. pets or vehicles. */
export type DependentType = {
  id: string
  /** "Pet" */
  label_singular: string
  /** "Pets" */
  label_plural: string
  rank: number
  fields: CustomFieldDefinition[]
}

export type Dependent = {
  id: string
  type_id: string
  /** The type's label_singular. */
  type_label: string
  name: string
  notes: string | null
  photo_url: string | null
  custom_fields: CustomFieldWithValue[]
}

/** One entry of the customer's history (staff only), newest first. */
export type Activity = {
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
  picture_url: string | null
  /** Every custom field (staff-only ones too), in rank order, with this customer's value. */
  custom_fields: CustomFieldWithValue[]
  additional_contacts: AdditionalContact[]
  /** True: invoices go to the booking address, and any billing address is kept but unused. */
  billing_same_as_booking: boolean
  billing_address: Address | null
  /** The customer's other (labelled) addresses. */
  locations: Address[]
  tags: string[]
  business_profiles: BusinessProfile[]
  dependents: Dependent[]
  /** The latest 50 entries, newest first. */
  activity: Activity[]
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
  /** Only the keys sent change; null or "" clears a value. A bad value is a 400 naming the field. */
  custom_fields: Record<string, CustomFieldValue>
  billing_same_as_booking: boolean
  /** The whole list; new tags are created by using them. */
  tags: string[]
}>

/** GET and POST /admin/customers/:id/profile answer with the profile. */
export type CustomerProfileResponse = { profile: CustomerProfile }

export const profilePath = (customerId: string) => `/admin/customers/${customerId}/profile`
/** The one query every widget on the customer page reads; the portal access widget refreshes it too. */
export const profileQueryKey = (customerId: string) => ["customer-profile", customerId] as const

/**
 * The customer's whole profile, shared by every widget on the customer page: they mount together
 * and read the same query, so the page makes one GET. Changes refresh it (see useProfileChange).
 */
export function useCustomerProfile(customerId: string) {
  return useQuery({
    queryKey: profileQueryKey(customerId),
    queryFn: async () => withDefaults(await sdk.client.fetch<CustomerProfileResponse>(profilePath(customerId))),
    // Widgets that mount a moment later (or remount) use the answer instead of asking again.
    staleTime: 5 * 60 * 1000,
  })
}

/**
 * The answer with every list present, so one part missing from an older API doesn't take the
 * whole customer page down.
 */
export function withDefaults(response: CustomerProfileResponse): CustomerProfileResponse {
  const profile = response.profile
  return {
    ...response,
    profile: {
      ...profile,
      picture_url: profile.picture_url ?? null,
      custom_fields: profile.custom_fields ?? [],
      additional_contacts: profile.additional_contacts ?? [],
      billing_same_as_booking: profile.billing_same_as_booking ?? true,
      billing_address: profile.billing_address ?? null,
      locations: profile.locations ?? [],
      tags: profile.tags ?? [],
      business_profiles: profile.business_profiles ?? [],
      dependents: profile.dependents ?? [],
      activity: profile.activity ?? [],
    },
  }
}

/**
 * A change to part of the customer's profile (a contact, an address, a picture…) that refetches
 * the shared profile query once it succeeds. Errors are left to the caller (a drawer shows them,
 * or pass `onError`), so nothing is toasted twice.
 */
export function useProfileChange<TVariables, TData = unknown>(
  customerId: string,
  mutationFn: (variables: TVariables) => Promise<TData>,
  options: {
    success?: string | ((data: TData, variables: TVariables) => string)
    onError?: (error: Error) => void
    /** Also refresh the dashboard's own customer queries (e.g. its address list). */
    refreshDashboard?: boolean
  } = {}
) {
  const queryClient = useQueryClient()
  return useMutation<TData, Error, TVariables>({
    mutationFn,
    onSuccess: async (data, variables) => {
      if (options.success) {
        toast.success(typeof options.success === "function" ? options.success(data, variables) : options.success)
      }
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: profileQueryKey(customerId) }),
        options.refreshDashboard ? queryClient.invalidateQueries({ queryKey: ["customers"] }) : null,
      ])
    },
    onError: options.onError,
  })
}

/** Paths of the profile's parts. */
export const profilePaths = {
  picture: (customerId: string) => `/admin/customers/${customerId}/picture`,
  tags: (query: string) => `/admin/customer-tags?q=${encodeURIComponent(query)}`,
  contacts: (customerId: string, contactId?: string) => `/admin/customers/${customerId}/additional-contacts${contactId ? `/${contactId}` : ""}`,
  billingAddress: (customerId: string) => `/admin/customers/${customerId}/billing-address`,
  /** Medusa's own customer address routes. */
  addresses: (customerId: string, addressId?: string) => `/admin/customers/${customerId}/addresses${addressId ? `/${addressId}` : ""}`,
  dependents: (customerId: string, dependentId?: string) => `/admin/customers/${customerId}/dependents${dependentId ? `/${dependentId}` : ""}`,
  dependentPhoto: (customerId: string, dependentId: string) => `/admin/customers/${customerId}/dependents/${dependentId}/photo`,
  dependentTypes: "/admin/dependent-types",
}

/** POST /admin/customers/:id/picture → `{ picture_url }`; DELETE → `{ picture_url: null }`. */
export type PictureResponse = { picture_url: string | null }
export const PICTURE_TYPES = ["image/jpeg", "image/png", "image/webp"] as const
export const MAX_PICTURE_BYTES = 5 * 1024 * 1024

/** Sends one file as multipart `file` (pictures and dependent photos). */
export function uploadFile<T>(path: string, file: File): Promise<T> {
  const form = new FormData()
  form.append("file", file, file.name)
  return sdk.client.fetch<T>(path, {
    method: "POST",
    // The browser sets the multipart boundary itself.
    headers: { "content-type": null },
    body: form,
  })
}

/** A reason to refuse a picture before uploading it, or null. The API checks the content too. */
export function pictureProblem(file: File): string | null {
  if (!(PICTURE_TYPES as readonly string[]).includes(file.type)) return "Choose a JPEG, PNG or WebP image."
  if (file.size > MAX_PICTURE_BYTES) return "The image is larger than 5 MB."
  return null
}

export type AdditionalContactInput = { name: string; role: string | null; emails: string[]; phones: string[] }
export type AdditionalContactResponse = { additional_contact: AdditionalContact }

/** POST /admin/customers/:id/billing-address */
export type BillingAddressInput = {
  first_name?: string | null
  last_name?: string | null
  company?: string | null
  address_1: string
  address_2?: string | null
  city: string
  province?: string | null
  postal_code: string
  country_code: string
  phone?: string | null
}
export type BillingAddressBody = { same_as_booking: true } | { same_as_booking: false; address: BillingAddressInput }
export type BillingAddressResponse = { billing_same_as_booking: boolean; billing_address: Address | null }

/** GET /admin/dependent-types */
export type DependentTypesResponse = {
  dependent_types: (DependentType & { dependent_count: number })[]
  portal_enabled: boolean
}
export const dependentTypesQueryKey = ["dependent-types"] as const
export type DependentInput = {
  type_id: string
  name: string
  notes: string | null
  custom_fields: Record<string, CustomFieldValue>
}
export type DependentResponse = { dependent: Dependent }

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

export const fullName = (profile: Pick<CustomerProfile, "first_name" | "last_name">) => [profile.first_name, profile.last_name].filter(Boolean).join(" ")
