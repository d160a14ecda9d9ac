/** The customer, their profile ("Edit info", "More about you") and their picture. */

import { apiFetch, asList, fileForm, portalFileUrl } from "~/lib/api/api.server"
import { toAdditionalContact } from "~/lib/api/contacts.server"

import type {
  PictureResponse,
  StoreCustomer as Customer,
  StoreCustomerProfile as Profile,
  StoreCustomerProfileResponse,
  StoreCustomerResponse,
  StoreUpdateCustomerProfile as ProfileInput,
} from "@fieldservice/contract"

export type { Customer }

/** Throws ApiError: 401 when the session is over, 403 { code: "account_blocked" } when on hold. */
export async function getCustomer(token: string): Promise<Customer> {
  const { customer } = await apiFetch<StoreCustomerResponse>("/store/customers/me", { token })
  return customer
}

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
    locations: asList(profile.locations),
  }
}

/** Throws ApiError: 401 when the session is over, 403 when the account is on hold. */
export async function getProfile(token: string): Promise<Profile> {
  const { profile } = await apiFetch<StoreCustomerProfileResponse>(PROFILE_PATH, { token })
  return toProfile(profile)
}

/** Throws ApiError 400 { message } for a bad value (`"ring me" is not a valid phone number`). */
export async function updateProfile(token: string, input: ProfileInput): Promise<Profile> {
  const { profile } = await apiFetch<StoreCustomerProfileResponse>(PROFILE_PATH, { method: "POST", token, body: input })
  return toProfile(profile)
}

/** Replaces any earlier picture. Throws ApiError 400 for a file that isn't a JPEG, PNG or WebP of at most 5 MB. */
export async function uploadProfilePicture(token: string, file: Blob, filename: string): Promise<string | null> {
  const { picture_url } = await apiFetch<Partial<PictureResponse>>(`${PROFILE_PATH}/picture`, {
    method: "POST",
    token,
    form: fileForm(file, filename),
  })
  return portalFileUrl(picture_url)
}

export async function removeProfilePicture(token: string): Promise<void> {
  await apiFetch(`${PROFILE_PATH}/picture`, { method: "DELETE", token })
}
