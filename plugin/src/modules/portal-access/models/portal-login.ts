import { model } from "@medusajs/framework/utils"

/** A successful portal sign-in: who, and how (an auth provider id, or "email_confirmation"). */
const PortalLogin = model
  .define("portal_login", {
    id: model.id({ prefix: "plgn" }).primaryKey(),
    customer_id: model.text(),
    method: model.text(),
  })
  // The admin's chart counts by day (created_at); the customer page reads the latest one.
  .indexes([{ on: ["created_at"] }, { on: ["customer_id", "created_at"] }])

export default PortalLogin
