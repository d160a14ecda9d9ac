import { model } from "@medusajs/framework/utils"
import Rating from "./rating"

/** A photo the customer added to their rating, kept private in Medusa's File module. */
const RatingPhoto = model
  .define("rating_photo", {
    id: model.id({ prefix: "rtgph" }).primaryKey(),
    rating: model.belongsTo(() => Rating, { mappedBy: "photos" }),
    file_id: model.text(),
    url: model.text(),
    filename: model.text(),
    mime_type: model.text(),
    size_bytes: model.number(),
  })
  .indexes([{ on: ["rating_id"] }])

export default RatingPhoto
