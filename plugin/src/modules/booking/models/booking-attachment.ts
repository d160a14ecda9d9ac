import { model } from "@medusajs/framework/utils"
import Booking from "./booking"

/** A photo or document added to a booking by the customer or by staff (kept in Medusa's File module). */
const BookingAttachment = model
  .define("booking_attachment", {
    id: model.id({ prefix: "batt" }).primaryKey(),
    booking: model.belongsTo(() => Booking, { mappedBy: "attachments" }),
    file_id: model.text(),
    url: model.text(),
    filename: model.text(),
    mime_type: model.text(),
    size_bytes: model.number(),
    /** SHA-256 of the file's bytes (hex), so the same file isn't kept twice on one booking. */
    content_sha256: model.text().nullable(),
    /** "customer" or "staff": who added it. */
    added_by: model.text().default("customer"),
  })
  .indexes([{ on: ["booking_id"] }])

export default BookingAttachment
