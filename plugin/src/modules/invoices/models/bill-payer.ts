import { model } from "@medusajs/framework/utils"

/**
 * Who pays a customer's invoices (or those of one of their business profiles, when
 * `business_profile_id` is set) when it is not the customer: another customer, such as a letting
 * agency, a head office or a family member. No row: the customer pays. A business profile's own
 * row wins over the customer's. One row per customer and profile (a unique index in the
 * migration); a payer never has a payer of their own (no chains), checked when set.
 */
const BillPayer = model
  .define("bill_payer", {
    id: model.id({ prefix: "bpay" }).primaryKey(),
    customer_id: model.text(),
    business_profile_id: model.text().nullable(),
    payer_id: model.text(),
  })
  .indexes([{ on: ["customer_id"] }, { on: ["payer_id"] }])

export default BillPayer
