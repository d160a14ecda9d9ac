import { model } from "@medusajs/framework/utils"

/**
 * A company the customer books for: chosen at booking and printed on its invoices.
 * A customer can have several.
 */
const BusinessProfile = model
  .define("business_profile", {
    id: model.id({ prefix: "bizprof" }).primaryKey(),
    customer_id: model.text(),
    name: model.text(),
    billing_email: model.text(),
    tax_id: model.text().nullable(),
    address_1: model.text(),
    address_2: model.text().nullable(),
    city: model.text(),
    province: model.text().nullable(),
    postal_code: model.text(),
    country_code: model.text(),
  })
  .indexes([{ on: ["customer_id"] }])

export default BusinessProfile
