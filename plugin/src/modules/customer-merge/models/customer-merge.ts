import { model } from "@medusajs/framework/utils"

/**
 * One merge of a duplicate customer (the secondary) into the customer kept (the primary): who did
 * it, what moved and which values were kept. The secondary's id stays here on purpose: it is the
 * record of where that customer went.
 */
const CustomerMerge = model
  .define("customer_merge", {
    id: model.id({ prefix: "cmrg" }).primaryKey(),
    primary_customer_id: model.text(),
    secondary_customer_id: model.text(),
    /** The staff member's email. */
    actor: model.text().nullable(),
    /** How many records of each kind moved, were dropped as duplicates or were added. */
    summary: model.json(),
    /** The fields both customers had, with the value kept. */
    conflicts: model.json(),
  })
  .indexes([{ on: ["primary_customer_id", "created_at"] }, { on: ["secondary_customer_id"] }])

export default CustomerMerge
