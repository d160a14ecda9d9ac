import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { RATINGS_MODULE, type RatingsModuleService } from "../modules/ratings"
import { loadRatingPeople, lowRatingOfficeEmail } from "../workflows/ratings/rating-emails"
import { type LowRatingGiven, RATING_LOW_GIVEN } from "../workflows/ratings/rating-record"

/** A rating at or under the low-rating setting: the office is emailed the stars, the comment and a link to the booking. */
export default async function alertOfficeOfLowRating({ event: { data }, container }: SubscriberArgs<LowRatingGiven>) {
  const ratings: RatingsModuleService = container.resolve(RATINGS_MODULE)
  const [rating] = await ratings.listRatings({ id: data.rating_id }, { take: 1 })
  if (!rating) return
  const people = await loadRatingPeople(container, data.customer_id)
  const visit = { booking: { id: rating.booking_id, booking_number: rating.booking_number, service_title: rating.service_title }, public_review_url: null }
  const emails = lowRatingOfficeEmail(people, visit, data.stars, data.comment)
  if (!emails.length) return
  try {
    await container.resolve(Modules.NOTIFICATION).createNotifications(emails)
  } catch (error) {
    // The provider retried and gave up: the email is recorded as failed in the customer's communication log.
    container
      .resolve(ContainerRegistrationKeys.LOGGER)
      .warn(`The low-rating email could not be sent: ${error instanceof Error ? error.message : String(error)}`)
  }
}

export const config: SubscriberConfig = { event: RATING_LOW_GIVEN }
