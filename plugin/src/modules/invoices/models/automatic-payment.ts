import { model } from "@medusajs/framework/utils"

/**
 * A customer's agreement to have their invoices charged to their default saved card on the due
 * date (issue #18 item 4): one row per customer, saying who turned it on and off, and when.
 * `enabled` is read inside the charging job's lock, so turning it off stops the next charge.
 */
const AutomaticPayment = model
  .define("automatic_payment", {
    id: model.id({ prefix: "autopay" }).primaryKey(),
    customer_id: model.text(),
    enabled: model.boolean().default(false),
    /** When and by whom it was last turned on (always the customer: staff can only turn it off). */
    consented_at: model.dateTime().nullable(),
    /** { type, id, name?, email? } as the activity history names people. */
    consented_by: model.json().nullable(),
    /** The card the customer saw as their default when they agreed ("Visa ending 4242"). */
    consented_card: model.text().nullable(),
    turned_off_at: model.dateTime().nullable(),
    turned_off_by: model.json().nullable(),
  })
  .indexes([{ on: ["customer_id"], unique: true, where: "deleted_at IS NULL" }])

export default AutomaticPayment
