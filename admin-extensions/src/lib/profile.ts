// The customer's profile, served by the plugin's /admin/customers/:id/profile route (GET and POST).
// GET answers with the whole customer page (custom fields, contacts, addresses, tags, picture,
// business profiles, dependents, activity), so every widget on the page reads one shared query.

import { toast } from "@medusajs/ui"
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"

import { sdk } from "./sdk"
import {
  PICTURE_TYPES,
  MAX_PICTURE_BYTES,
  PROFILE_KIND_LABELS,
  PROFILE_STATUS_LABELS,
  type AdminCustomerProfileResponse as CustomerProfileResponse,
  type ProfileKind,
  type ProfileStatus,
  type PhoneType,
  type AdminCustomerProfile as CustomerProfile,
} from "@fieldservice/contract"

export const profilePath = (customerId: string) => `/admin/customers/${customerId}/profile`
/** The one query every widget on the customer page reads; the portal access widget refreshes it too. */
export const profileQueryKey = (customerId: string) => ["customer-profile", customerId] as const

/**
 * The customer's whole profile, shared by every widget on the customer page: they mount together
 * and read the same query, so the page makes one GET. Changes refresh it (see useProfileChange).
 */
export function useCustomerProfile(customerId: string, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: profileQueryKey(customerId),
    queryFn: async () => withDefaults(await sdk.client.fetch<CustomerProfileResponse>(profilePath(customerId))),
    // Widgets that mount a moment later (or remount) use the answer instead of asking again.
    staleTime: 5 * 60 * 1000,
    enabled: !!customerId && (options.enabled ?? true),
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
export const dependentTypesQueryKey = ["dependent-types"] as const

/** The API's limit on other names, emails and phone numbers (each). */
export const MAX_LIST_ITEMS = 10
export const MAX_NOTES_LENGTH = 10000

export const KIND_LABELS: Record<ProfileKind, string> = PROFILE_KIND_LABELS
export const STATUS_LABELS: Record<ProfileStatus, string> = PROFILE_STATUS_LABELS

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
