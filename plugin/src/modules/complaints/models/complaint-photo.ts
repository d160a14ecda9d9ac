import { model } from "@medusajs/framework/utils"
import Complaint from "./complaint"

/** A photo or PDF the customer (or staff) put on a complaint, kept privately by Medusa's File module. */
const ComplaintPhoto = model
  .define("complaint_photo", {
    id: model.id({ prefix: "cmpf" }).primaryKey(),
    complaint: model.belongsTo(() => Complaint, { mappedBy: "photos" }),
    file_id: model.text(),
    url: model.text(),
    filename: model.text(),
    mime_type: model.text(),
    size_bytes: model.number(),
    /** SHA-256 of the bytes (hex), so the same file is kept once. */
    content_sha256: model.text(),
    /** "customer" or "staff". */
    added_by: model.text().default("customer"),
  })
  .indexes([{ on: ["complaint_id"] }])

export default ComplaintPhoto
