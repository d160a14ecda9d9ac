import { model } from "@medusajs/framework/utils"
import CustomerProfile from "./customer-profile"

export const CONTACT_METHOD_KINDS = ["email", "phone", "mobile"] as const
export type ContactMethodKind = (typeof CONTACT_METHOD_KINDS)[number]

/** One of the customer's emails or phone numbers. `normalized` is what search and duplicate checks compare. */
const ContactMethod = model
  .define("customer_contact_method", {
    id: model.id({ prefix: "cmeth" }).primaryKey(),
    kind: model.enum([...CONTACT_METHOD_KINDS]),
    value: model.text(),
    normalized: model.text(),
    is_primary: model.boolean().default(false),
    profile: model.belongsTo(() => CustomerProfile, { mappedBy: "contact_methods" }),
  })
  .indexes([{ on: ["normalized"] }])

export default ContactMethod
