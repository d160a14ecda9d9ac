/** Business profiles: the API calls and the add and edit pages' actions. */

import { json } from "@remix-run/node"

import { apiFetch, toProblem } from "~/lib/api/api.server"
import { fieldErrorsFromMessage, type BusinessProfileFieldErrors, type BusinessProfileValues } from "~/lib/business-profiles"
import { signOutIfRefused } from "~/lib/session.server"
import type {
  StoreBusinessProfile as BusinessProfile,
  StoreBusinessProfileListResponse,
  StoreBusinessProfileResponse,
  StoreCreateBusinessProfile as BusinessProfileInput,
} from "@fieldservice/contract"

const businessProfilesPath = (id?: string) =>
  id === undefined ? "/store/customers/me/business-profiles" : `/store/customers/me/business-profiles/${encodeURIComponent(id)}`

export async function listBusinessProfiles(token: string): Promise<BusinessProfile[]> {
  const { business_profiles } = await apiFetch<Partial<StoreBusinessProfileListResponse>>(businessProfilesPath(), {
    token,
  })
  return Array.isArray(business_profiles) ? business_profiles : []
}

/** One of the customer's own profiles, or null when they have none with this id. */
export async function findBusinessProfile(token: string, id: string): Promise<BusinessProfile | null> {
  const profiles = await listBusinessProfiles(token)
  return profiles.find((profile) => profile.id === id) ?? null
}

/** Throws ApiError 400 { message } naming the field that is wrong. */
export async function createBusinessProfile(token: string, input: BusinessProfileInput): Promise<BusinessProfile> {
  const { business_profile } = await apiFetch<StoreBusinessProfileResponse>(businessProfilesPath(), {
    method: "POST",
    token,
    body: input,
  })
  return business_profile
}

/** Throws ApiError 400 for a bad field, 404 when the profile is not this customer's. */
export async function updateBusinessProfile(token: string, id: string, input: Partial<BusinessProfileInput>): Promise<BusinessProfile> {
  const { business_profile } = await apiFetch<StoreBusinessProfileResponse>(businessProfilesPath(id), {
    method: "POST",
    token,
    body: input,
  })
  return business_profile
}

/** Throws ApiError 404 when the profile is not this customer's. */
export async function deleteBusinessProfile(token: string, id: string): Promise<void> {
  await apiFetch(businessProfilesPath(id), { method: "DELETE", token })
}

/** What the add and edit pages' actions answer when nothing was saved. */
export type BusinessProfileActionData = {
  values?: BusinessProfileValues
  formError?: string
  fieldErrors?: BusinessProfileFieldErrors
  /** The profile is not (or no longer) one of the customer's. */
  notFound?: boolean
  /** "Delete" was pressed on /account: ask before deleting. */
  confirmDelete?: boolean
  deleteError?: string
}

/**
 * A create or update the backend refused. 400 keeps the form with the backend's message above
 * it and the fields it names highlighted; 401/403 sign the customer out.
 */
export async function saveFailed(request: Request, error: unknown, values: BusinessProfileValues) {
  const problem = toProblem(error)
  if (problem.status === 404) {
    return json<BusinessProfileActionData>({ values, notFound: true }, { status: 404 })
  }
  await signOutIfRefused(request, problem)
  const fieldErrors = problem.status === 400 ? fieldErrorsFromMessage(problem.message) : {}
  return json<BusinessProfileActionData>({ values, formError: problem.message, fieldErrors }, { status: problem.status })
}
