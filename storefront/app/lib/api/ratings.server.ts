/** Rating a completed visit: the store API's /store/customers/me/bookings/:id/rating and the visits waiting for one. */

import type { PendingRating, RatingBody, StoreBookingRatingResponse, StorePendingRatingsResponse } from "@fieldservice/contract"
import { apiFetch, asList, errorStatus, fileForm, portalFileUrl } from "~/lib/api/api.server"

const ratingPath = (id: string, rest = "") => `/store/customers/me/bookings/${encodeURIComponent(id)}/rating${rest}`

/** Photo links go through the portal's /files/… (the API wants the customer's token). */
function normalise(result: StoreBookingRatingResponse): StoreBookingRatingResponse {
  if (!result.rating) return result
  return { ...result, rating: { ...result.rating, photos: asList(result.rating.photos).map((photo) => ({ ...photo, url: portalFileUrl(photo.url) ?? "" })) } }
}

/** The booking's rating and whether it can be given or changed; null when the booking isn't theirs (or doesn't exist). */
export async function getBookingRating(token: string, id: string): Promise<StoreBookingRatingResponse | null> {
  try {
    return normalise(await apiFetch<StoreBookingRatingResponse>(ratingPath(id), { token }))
  } catch (error) {
    if (errorStatus(error) === 404) return null
    throw error
  }
}

/** Gives the first rating (POST) or changes it (PUT, which the API answers the same way). */
export async function saveRating(token: string, id: string, body: RatingBody, change: boolean): Promise<StoreBookingRatingResponse> {
  if (!change) return normalise(await apiFetch<StoreBookingRatingResponse>(ratingPath(id), { token, body }))
  return normalise(await apiFetch<StoreBookingRatingResponse>(ratingPath(id), { token, body, method: "PUT" }))
}

export async function addRatingPhoto(token: string, id: string, file: Blob, filename: string): Promise<void> {
  await apiFetch(ratingPath(id, "/photos"), { token, form: fileForm(file, filename) })
}

/** Completed visits still waiting for a rating within their 14 days, newest first. */
export async function getPendingRatings(token: string): Promise<PendingRating[]> {
  const { pending } = await apiFetch<Partial<StorePendingRatingsResponse>>("/store/customers/me/ratings/pending", { token })
  return asList(pending)
}
