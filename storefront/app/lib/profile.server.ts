/** The customer, their profile ("Edit info", "More about you") and their picture. */

import type { Address } from "~/lib/addresses.server"
import { apiFetch, asList, fileForm, portalFileUrl } from "~/lib/api.server"
import { toAdditionalContact, type AdditionalContact } from "~/lib/contacts.server"
import type { CustomFieldValue, CustomFieldWithValue } from "~/lib/custom-fields"

export type Customer = {
  id: string
  email: string
  first_name: string | null
  last_name: string | null
  phone: string | null
}

/** Throws ApiError: 401 when the session is over, 403 { code: "account_blocked" } when on hold. */
export async function getCustomer(token: string): Promise<Customer> {
  const { customer } = await apiFetch<{ customer: Customer }>("/store/customers/me", { token })
  return customer
}

/** One of the customer's emails or numbers; each list has one primary entry when it isn't empty. */
export type ContactMethod = {
  id: string
  kind: "email" | "phone" | "mobile"
  value: string
  is_primary: boolean
}

export type Profile = {
  id: string
  kind: "personal" | "business"
  status: "active" | "blocked" | "archived"
  email_verified_at: string | null
  /** Other names the customer goes by. */
  additional_names: string[]
  marketing_emails: boolean
  reminder_emails: boolean
  first_name: string | null
  last_name: string | null
  /** The email they sign in with. */
  account_email: string
  /** Primary first. */
  emails: ContactMethod[]
  /** Primary first; kind "phone" or "mobile". */
  phones: ContactMethod[]
  /** Served by Medusa (e.g. http://localhost:9000/static/…); null when there is none. */
  picture_url: string | null
  /** The customer-visible custom fields, in rank order, with this customer's values. */
  custom_fields: CustomFieldWithValue[]
  additional_contacts: AdditionalContact[]
  /** Invoices go to the booking address; any billing address is kept but unused. */
  billing_same_as_booking: boolean
  /** The customer address with `is_default_billing`. */
  billing_address: Address | null
  /** The saved locations: every other address. Undefined when the backend doesn't list them yet. */
  locations?: Address[]
}

/** What "Edit info" may change; any subset. `emails` and `phones` are whole lists, sent together. */
export type ProfileInput = Partial<{
  kind: Profile["kind"]
  first_name: string
  last_name: string
  additional_names: string[]
  marketing_emails: boolean
  reminder_emails: boolean
  emails: Array<{ email: string; is_primary?: boolean }>
  phones: Array<{ number: string; type: "phone" | "mobile"; is_primary?: boolean }>
  /** Only the keys sent change; null clears. A bad value is a 400 whose message starts with the field's label. */
  custom_fields: Record<string, CustomFieldValue>
  billing_same_as_booking: boolean
}>

const PROFILE_PATH = "/store/customers/me/profile"

/** The lists are always arrays, whatever the backend left out. */
function toProfile(profile: Profile): Profile {
  return {
    ...profile,
    additional_names: asList(profile.additional_names),
    emails: asList(profile.emails),
    phones: asList(profile.phones),
    picture_url: portalFileUrl(profile.picture_url),
    custom_fields: asList(profile.custom_fields)
      .filter((field) => field.visibility !== "staff")
      .sort((a, b) => a.rank - b.rank),
    additional_contacts: asList(profile.additional_contacts).map(toAdditionalContact),
    billing_same_as_booking: profile.billing_same_as_booking !== false,
    billing_address: profile.billing_address ?? null,
    locations: Array.isArray(profile.locations) ? profile.locations : undefined,
  }
}

/** Throws ApiError: 401 when the session is over, 403 when the account is on hold. */
export async function getProfile(token: string): Promise<Profile> {
  const { profile } = await apiFetch<{ profile: Profile }>(PROFILE_PATH, { token })
  return toProfile(profile)
}

/** Throws ApiError 400 { message } for a bad value (`"ring me" is not a valid phone number`). */
export async function updateProfile(token: string, input: ProfileInput): Promise<Profile> {
  const { profile } = await apiFetch<{ profile: Profile }>(PROFILE_PATH, { method: "POST", token, body: input })
  return toProfile(profile)
}

/** Replaces any earlier picture. Throws ApiError 400 for a file that isn't a JPEG, PNG or WebP of at most 5 MB. */
export async function uploadProfilePicture(token: string, file: Blob, filename: string): Promise<string | null> {
  const { picture_url } = await apiFetch<{ picture_url?: string | null }>(`${PROFILE_PATH}/picture`, {
    method: "POST",
    token,
    form: fileForm(file, filename),
  })
  return portalFileUrl(picture_url)
}

export async function removeProfilePicture(token: string): Promise<void> {
  await apiFetch(`${PROFILE_PATH}/picture`, { method: "DELETE", token })
}
