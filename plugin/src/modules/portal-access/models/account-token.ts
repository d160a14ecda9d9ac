import { model } from "@medusajs/framework/utils"

// password_reset rows only record used reset tokens (Medusa issues those itself) so each works once.
export const ACCOUNT_TOKEN_PURPOSES = ["verify_email", "invite", "password_reset"] as const
export type AccountTokenPurpose = (typeof ACCOUNT_TOKEN_PURPOSES)[number]

/**
 * A single-use link sent by email. Only a SHA-256 hash of the token is stored, so a
 * database leak gives no working links.
 */
const AccountToken = model
  .define("account_token", {
    id: model.id({ prefix: "acctok" }).primaryKey(),
    customer_id: model.text(),
    email: model.text(),
    purpose: model.enum([...ACCOUNT_TOKEN_PURPOSES]),
    token_hash: model.text().unique(),
    expires_at: model.dateTime(),
    used_at: model.dateTime().nullable(),
  })
  .indexes([{ on: ["customer_id", "purpose"] }])

export default AccountToken
