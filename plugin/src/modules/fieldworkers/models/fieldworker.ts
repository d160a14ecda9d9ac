import { model } from "@medusajs/framework/utils"

/**
 * A member of staff who goes out to customers' homes: bookings are assigned to them. Kept (soft
 * deleted) when removed, so past bookings still show who did the job.
 */
const Fieldworker = model
  .define("fieldworker", {
    id: model.id({ prefix: "fwkr" }).primaryKey(),
    name: model.text(),
    /** Lower case; one fieldworker per email. */
    email: model.text(),
    phone: model.text().nullable(),
    /**
     * Postcode areas or districts they cover ("BS", "BA1"), upper case without spaces, matched
     * like a service's areas; empty means anywhere.
     */
    service_areas: model.array().default([]),
    /** Inactive fieldworkers (on leave, left) keep their history but can't be given new bookings. */
    active: model.boolean().default(true),
  })
  .indexes([{ on: ["email"], unique: true }])

export default Fieldworker
