import { MedusaError } from "@medusajs/framework/utils"
import { createStep, createWorkflow, StepResponse, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { MAX_RATING_PHOTOS } from "@fieldservice/contract"
import { RATINGS_MODULE, type RatingsModuleService } from "../../modules/ratings"
import { type ImageFile, uploadImage } from "../files/image-steps"
import { findRating, loadOwnBooking, ratingRefusal } from "./rating-record"

export type AddRatingPhotoInput = { customer_id: string; booking_id: string; image: ImageFile & { size: number }; filename?: string; now?: string }

/** The rating the photo goes on: the customer's own, still within its 14 days, with room for another photo. */
const ratingForPhotoStep = createStep("rating-for-photo", async (input: AddRatingPhotoInput, { container }) => {
  const booking = await loadOwnBooking(container, input.customer_id, input.booking_id)
  const refusal = ratingRefusal(booking, input.now ? new Date(input.now) : new Date())
  if (refusal) throw refusal
  const rating = await findRating(container, { booking_id: booking.id })
  if (!rating) throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "Rate the visit first, then add photos to your rating.", "rating_missing")
  if ((rating.photos ?? []).length >= MAX_RATING_PHOTOS) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `A rating can have at most ${MAX_RATING_PHOTOS} photos.`, "rating_photos_full")
  }
  return new StepResponse({ rating_id: rating.id })
})

const createRatingPhotoStep = createStep(
  "create-rating-photo",
  async (input: { rating_id: string; file_id: string; url: string; filename: string; mime_type: string; size_bytes: number }, { container }) => {
    const ratings: RatingsModuleService = container.resolve(RATINGS_MODULE)
    const photo = await ratings.createRatingImages({ ...input, rating_id: input.rating_id })
    return new StepResponse(photo, photo.id)
  },
  async (id, { container }) => {
    if (id) await container.resolve<RatingsModuleService>(RATINGS_MODULE).deleteRatingImages(id)
  }
)

/** The customer's name for the photo, without folders or control characters, with its real extension. */
const photoName = (original: string | undefined, extension: string) => {
  const stem = (original ?? "")
    .split(/[\\/]/)
    .pop()!
    .replace(/[\u0000-\u001f\u007f]/g, "")
    .replace(/\.[^.]*$/, "")
    .trim()
    .slice(0, 150)
  return `${stem || "photo"}.${extension}`
}

/** A photo added to the customer's rating of a visit, kept private by Medusa's File module. */
export const addRatingPhotoWorkflow = createWorkflow("add-rating-photo", (input: AddRatingPhotoInput) => {
  const rating = ratingForPhotoStep(input)
  const stored = uploadImage({ image: transform({ input }, ({ input }) => input.image), prefix: "rating" })
  const photo = createRatingPhotoStep(
    transform({ input, rating, stored }, ({ input, rating, stored }) => ({
      rating_id: rating.rating_id,
      file_id: stored.id,
      url: stored.url,
      filename: photoName(input.filename, input.image.extension),
      mime_type: input.image.mimeType,
      size_bytes: input.image.size,
    }))
  )
  return new WorkflowResponse(photo)
})
