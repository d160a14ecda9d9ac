import { model } from "@medusajs/framework/utils"
import RatingPhoto from "./rating-photo"

/**
 * A customer's stars for one completed visit and the fieldworker who came. What the report groups
 * by (service, postcode area, fieldworker's name, completion time) is copied from the booking when
 * the rating is given, so the report is one table and stays right after the booking changes.
 */
const Rating = model
  .define("rating", {
    id: model.id({ prefix: "rtg" }).primaryKey(),
    booking_id: model.text(),
    booking_number: model.text(),
    customer_id: model.text(),
    fieldworker_id: model.text().nullable(),
    fieldworker_name: model.text().nullable(),
    service_title: model.text(),
    /** The outward code's letters and district ("BS6"), upper case; null when the visit had no postcode. */
    postcode_area: model.text().nullable(),
    visit_completed_at: model.dateTime(),
    stars: model.number(),
    comment: model.text().nullable(),
    photos: model.hasMany(() => RatingPhoto, { mappedBy: "rating" }),
  })
  .indexes([
    // One rating per visit and fieldworker (bookings have one fieldworker today).
    { on: ["booking_id"], unique: true },
    { on: ["customer_id"] },
    { on: ["fieldworker_id", "visit_completed_at"] },
    { on: ["visit_completed_at"] },
  ])

export default Rating
