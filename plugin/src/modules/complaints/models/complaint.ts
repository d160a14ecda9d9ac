import { COMPLAINT_CATEGORIES, COMPLAINT_SOURCES, COMPLAINT_STATUSES } from "@fieldservice/contract"
import { model } from "@medusajs/framework/utils"
import ComplaintPhoto from "./complaint-photo"

/**
 * A customer's complaint, handled as a ticket: opened from a past visit, from Support, by staff on
 * the customer's behalf or by a low rating; staff assign it and move it to resolved or closed.
 */
const Complaint = model
  .define("complaint", {
    id: model.id({ prefix: "cmp" }).primaryKey(),
    /** "C-1001", from its own sequence (complaint_number_seq), so never used twice. */
    number: model.text(),
    customer_id: model.text(),
    /** The past visit it is about, if any. */
    booking_id: model.text().nullable(),
    /** The low rating that opened it (once per rating). */
    rating_id: model.text().nullable(),
    source: model.enum([...COMPLAINT_SOURCES]).default("customer"),
    category: model.enum([...COMPLAINT_CATEGORIES]),
    description: model.text(),
    status: model.enum([...COMPLAINT_STATUSES]).default("open"),
    assigned_user_id: model.text().nullable(),
    resolution_note: model.text().nullable(),
    resolved_at: model.dateTime().nullable(),
    closed_at: model.dateTime().nullable(),
    photos: model.hasMany(() => ComplaintPhoto, { mappedBy: "complaint" }),
  })
  .indexes([
    { on: ["number"], unique: true, where: "deleted_at IS NULL" },
    { on: ["rating_id"], unique: true, where: "rating_id IS NOT NULL AND deleted_at IS NULL" },
    { on: ["customer_id", "created_at"] },
    { on: ["status", "created_at"] },
    { on: ["assigned_user_id", "status"] },
    { on: ["booking_id"], where: "booking_id IS NOT NULL" },
  ])

export default Complaint
