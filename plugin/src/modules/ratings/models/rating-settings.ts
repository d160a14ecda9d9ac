import { model } from "@medusajs/framework/utils"

/** Settings → Ratings; one row, saved when staff first save. */
const RatingSettings = model.define("rating_settings", {
  id: model.id({ prefix: "rtgset" }).primaryKey(),
  low_rating_threshold: model.number().default(2),
  public_review_url: model.text().nullable(),
})

export default RatingSettings
