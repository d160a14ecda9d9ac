import { model } from "@medusajs/framework/utils"

/**
 * One line of a customer's history on the staff page. Kept when the thing it talks about is
 * gone: deleting a custom field writes the value it held here, so it stays readable.
 */
const CustomerActivity = model
  .define("customer_activity", {
    id: model.id({ prefix: "cact" }).primaryKey(),
    customer_id: model.text(),
    kind: model.text(),
    message: model.text(),
    data: model.json().nullable(),
    /** The staff member's email, or null for the customer or the system. */
    actor: model.text().nullable(),
  })
  .indexes([{ on: ["customer_id", "created_at"] }])

export default CustomerActivity
