import { model } from "@medusajs/framework/utils"

/** A customer's own invite code, made the first time they (or staff) need it. */
const ReferralCode = model
  .define("referral_code", {
    id: model.id({ prefix: "refcode" }).primaryKey(),
    customer_id: model.text(),
    code: model.text(),
  })
  .indexes([
    { on: ["customer_id"], unique: true, where: "deleted_at IS NULL" },
    { on: ["code"], unique: true, where: "deleted_at IS NULL" },
  ])

export default ReferralCode
