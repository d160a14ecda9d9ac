import { model } from "@medusajs/framework/utils"

/**
 * An email someone asked the portal to send (sign-up, a new confirmation link, a password reset,
 * a sign-in link), counted per address and per client so nobody can flood a person's inbox.
 */
const EmailRequest = model
  .define("email_request", {
    id: model.id({ prefix: "emlreq" }).primaryKey(),
    email: model.text(),
    ip: model.text().nullable(),
    kind: model.text(),
  })
  .indexes([{ on: ["email", "created_at"] }, { on: ["ip", "created_at"] }])

export default EmailRequest
