import { MedusaError } from "@medusajs/framework/utils"
import { createStep, createWorkflow, StepResponse, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import type { CreateNotificationDTO } from "@medusajs/framework/types"
import { RATINGS_MODULE, postcodeArea, type RatingsModuleService } from "../../modules/ratings"
import { recordActivityStep } from "../customer-profile/steps/record-activity"
import { sendAfterCommitStep } from "../notifications/send-after-commit"
import { fieldworkerName, findRating, loadOwnBooking, RATING_LOW_GIVEN, ratingRefusal, starsText } from "./rating-record"
import { ratingPeopleStep, ratingThanksEmail } from "./rating-emails"

export type GiveRatingInput = {
  customer_id: string
  booking_id: string
  stars: number
  comment: string | null
  /** "create": the first rating (409 if there is one); "update": a change (404 if there is none). */
  mode: "create" | "update"
  /** The request's clock (ISO); tests pin it. */
  now?: string
}

type Prepared = {
  booking: { id: string; booking_number: string; service_title: string; customer_id: string }
  values: {
    booking_id: string
    booking_number: string
    customer_id: string
    fieldworker_id: string | null
    fieldworker_name: string | null
    service_title: string
    postcode_area: string | null
    visit_completed_at: Date
  }
  previous: { id: string; stars: number; comment: string | null } | null
  threshold: number
  public_review_url: string | null
}

/** Checks the visit is the customer's, completed and within the 14 days, and gathers what the rating records. */
const prepareRatingStep = createStep("prepare-rating", async (input: GiveRatingInput, { container }) => {
  const booking = await loadOwnBooking(container, input.customer_id, input.booking_id)
  const refusal = ratingRefusal(booking, input.now ? new Date(input.now) : new Date())
  if (refusal) throw refusal
  const existing = await findRating(container, { booking_id: booking.id })
  if (input.mode === "create" && existing) {
    throw new MedusaError(MedusaError.Types.CONFLICT, "You have already rated this visit. Change your rating instead.", "rating_exists")
  }
  if (input.mode === "update" && !existing) throw new MedusaError(MedusaError.Types.NOT_FOUND, "This visit has no rating yet.")
  const settings = await container.resolve<RatingsModuleService>(RATINGS_MODULE).getRatingSettings()
  const location = (booking.location ?? {}) as { postal_code?: string | null }
  const prepared: Prepared = {
    booking: { id: booking.id, booking_number: booking.booking_number, service_title: booking.service_title, customer_id: input.customer_id },
    values: {
      booking_id: booking.id,
      booking_number: booking.booking_number,
      customer_id: input.customer_id,
      // Kept from the first rating: a change is about the same visit and fieldworker.
      fieldworker_id: booking.fieldworker_id ?? null,
      fieldworker_name: await fieldworkerName(container, booking.fieldworker_id),
      service_title: booking.service_title,
      postcode_area: postcodeArea(location.postal_code),
      visit_completed_at: new Date(booking.completed_at!),
    },
    previous: existing ? { id: existing.id, stars: Number(existing.stars), comment: existing.comment ?? null } : null,
    threshold: settings.low_rating_threshold,
    public_review_url: settings.public_review_url,
  }
  return new StepResponse(prepared)
})

/** Writes the rating (new, or the stars and comment changed); undone if a later step fails. */
const saveRatingStep = createStep(
  "save-rating",
  async (input: { prepared: Prepared; stars: number; comment: string | null }, { container }) => {
    const ratings: RatingsModuleService = container.resolve(RATINGS_MODULE)
    const { previous, values } = input.prepared
    type Undo = { created_id: string | null; previous: Prepared["previous"] }
    if (previous) {
      await ratings.updateRatings({ id: previous.id, stars: input.stars, comment: input.comment })
      return new StepResponse<{ id: string }, Undo>({ id: previous.id }, { created_id: null, previous })
    }
    const created = await ratings.createRatings({ ...values, stars: input.stars, comment: input.comment })
    return new StepResponse<{ id: string }, Undo>({ id: created.id }, { created_id: created.id, previous: null })
  },
  async (undo, { container }) => {
    if (!undo) return
    const ratings: RatingsModuleService = container.resolve(RATINGS_MODULE)
    if (undo.created_id) await ratings.deleteRatings(undo.created_id)
    if (undo.previous) await ratings.updateRatings(undo.previous)
  }
)

/** Whether this rating is newly at or under the low-rating setting (a change from low to low alerts once). */
const isNewlyLow = (prepared: Prepared, stars: number) => stars <= prepared.threshold && (!prepared.previous || prepared.previous.stars > prepared.threshold)

/**
 * A customer rates a completed visit (or changes their rating within the 14 days): the rating, a
 * line in their history, a thank-you email, and for a low rating the `rating.low_rating_given`
 * event: its subscribers email the office (subscribers/rating-low-alert.ts) and open a complaint.
 */
export const giveRatingWorkflow = createWorkflow("give-rating", (input: GiveRatingInput) => {
  const prepared = prepareRatingStep(input)
  const saved = saveRatingStep(transform({ input, prepared }, ({ input, prepared }) => ({ prepared, stars: input.stars, comment: input.comment })))

  recordActivityStep(
    transform({ input, prepared }, ({ input, prepared }) => [
      {
        customer_id: input.customer_id,
        kind: prepared.previous ? "rating_changed" : "rating_given",
        message: prepared.previous
          ? `Changed the rating of booking ${prepared.booking.booking_number} (${prepared.booking.service_title}) from ${starsText(prepared.previous.stars)} to ${starsText(input.stars)}.`
          : `Rated booking ${prepared.booking.booking_number} (${prepared.booking.service_title}) ${starsText(input.stars)}.`,
        data: { booking_id: prepared.booking.id, stars: input.stars },
        actor: { type: "customer" as const, id: input.customer_id },
      },
    ])
  )

  const people = ratingPeopleStep(transform({ input }, ({ input }) => ({ customer_id: input.customer_id })))
  const emails = transform({ prepared, input, people }, ({ prepared, input, people }): CreateNotificationDTO[] =>
    prepared.previous ? [] : ratingThanksEmail(people, prepared, input.stars)
  )
  when({ emails }, ({ emails }) => emails.length > 0).then(() => {
    sendAfterCommitStep(emails)
  })

  const low = transform({ input, prepared, saved }, ({ input, prepared, saved }) => ({
    newly: isNewlyLow(prepared, input.stars),
    data: { rating_id: saved.id, booking_id: prepared.booking.id, customer_id: input.customer_id, stars: input.stars, comment: input.comment },
  }))
  when({ low }, ({ low }) => low.newly).then(() => {
    emitEventStep(transform({ low }, ({ low }) => ({ eventName: RATING_LOW_GIVEN, data: low.data }))).config({ name: "emit-low-rating" })
  })

  return new WorkflowResponse(saved)
})
