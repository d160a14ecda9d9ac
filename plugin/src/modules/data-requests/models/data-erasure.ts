import { model } from "@medusajs/framework/utils"

/**
 * One erasure of a customer's personal data (GDPR article 17): who did it and when, and how much
 * was removed. It holds nothing about the person beyond the customer's id, which the kept
 * financial records (bookings, orders) share.
 */
const DataErasure = model
  .define("data_erasure", {
    id: model.id({ prefix: "derase" }).primaryKey(),
    customer_id: model.text(),
    /** The staff member's email and user id. */
    actor: model.text().nullable(),
    actor_id: model.text().nullable(),
    /** How many records of each kind were removed or replaced: { addresses: 2, bookings: 1, … }. */
    summary: model.json(),
    /** File module keys still to delete (a storage error after the erasure); a job retries them. */
    pending_file_keys: model.json().nullable(),
  })
  .indexes([{ on: ["customer_id"] }])

export default DataErasure
