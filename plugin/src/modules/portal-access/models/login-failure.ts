import { model } from "@medusajs/framework/utils"

/** A failed password or booking-number attempt, counted per email and per IP for rate limiting. */
const LoginFailure = model
  .define("login_failure", {
    id: model.id({ prefix: "lgnf" }).primaryKey(),
    email: model.text().nullable(),
    ip: model.text().nullable(),
    method: model.text(),
  })
  .indexes([{ on: ["email", "created_at"] }, { on: ["ip", "created_at"] }])

export default LoginFailure
