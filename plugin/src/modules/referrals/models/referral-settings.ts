import { model } from "@medusajs/framework/utils"

/** Settings → Referrals; one row, saved when staff first save. Amounts in major units of `currency_code`. */
const ReferralSettings = model.define("referral_settings", {
  id: model.id({ prefix: "refset" }).primaryKey(),
  enabled: model.boolean().default(true),
  welcome_discount_type: model.enum(["percentage", "amount"]).default("percentage"),
  welcome_discount_value: model.bigNumber(),
  reward_amount: model.bigNumber(),
  currency_code: model.text().default("gbp"),
})

export default ReferralSettings
