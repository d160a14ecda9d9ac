import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { openComplaintFromRating, type LowRatingGiven } from "../workflows/complaints/from-low-rating"

export const LOW_RATING_GIVEN = "rating.low_rating_given"

/** A low rating (at or under the business's setting) opens a complaint, once per rating, so the office follows it up. */
export default async function complaintFromLowRating({ event: { data }, container }: SubscriberArgs<LowRatingGiven>) {
  await openComplaintFromRating(container, data)
}

export const config: SubscriberConfig = { event: LOW_RATING_GIVEN }
