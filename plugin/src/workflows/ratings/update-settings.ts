import { createStep, createWorkflow, StepResponse, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { RatingSettings, RatingSettingsUpdate } from "@fieldservice/contract"
import { RATINGS_MODULE, type RatingsModuleService } from "../../modules/ratings"

/** Settings → Ratings saved; undone if a later step fails. Applies to ratings given from now on. */
const updateRatingSettingsStep = createStep(
  "update-rating-settings",
  async (input: RatingSettingsUpdate, { container }) => {
    const ratings: RatingsModuleService = container.resolve(RATINGS_MODULE)
    const before = await ratings.getRatingSettings()
    const { id: _id, ...current } = before
    const next: RatingSettings = {
      low_rating_threshold: input.low_rating_threshold ?? current.low_rating_threshold,
      public_review_url: input.public_review_url === undefined ? current.public_review_url : input.public_review_url,
    }
    if (before.id) await ratings.updateRatingSettings({ ...next, id: before.id })
    else await ratings.createRatingSettings(next)
    return new StepResponse(await ratings.getRatingSettings(), before)
  },
  async (before, { container }) => {
    if (!before) return
    const ratings: RatingsModuleService = container.resolve(RATINGS_MODULE)
    if (before.id) await ratings.updateRatingSettings(before as never)
    else await ratings.deleteRatingSettings((await ratings.listRatingSettings({}, { select: ["id"] })).map((row) => row.id))
  }
)

export const updateRatingSettingsWorkflow = createWorkflow("update-rating-settings", (input: RatingSettingsUpdate) => {
  return new WorkflowResponse(updateRatingSettingsStep(input))
})
