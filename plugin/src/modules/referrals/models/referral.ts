import { model } from "@medusajs/framework/utils"

/**
 * A friend who signed up with a customer's link. The reward (store credit in the referrer's
 * account of the plugin's store credit module) is given once, when the friend's first visit is done.
 */
const Referral = model
  .define("referral", {
    id: model.id({ prefix: "ref" }).primaryKey(),
    referrer_customer_id: model.text(),
    referred_customer_id: model.text(),
    code: model.text(),
    status: model.enum(["signed_up", "rewarded", "refused", "revoked"]).default("signed_up"),
    /** Why it was refused or revoked, in staff's words. */
    reason: model.text().nullable(),
    reward_amount: model.bigNumber().nullable(),
    currency_code: model.text().nullable(),
    store_credit_account_id: model.text().nullable(),
    /** The credit transaction that paid the reward, and the debit that took it back. */
    transaction_id: model.text().nullable(),
    revoke_transaction_id: model.text().nullable(),
    /** The friend's welcome discount (a Medusa promotion for them alone) and the booking it went to. */
    promotion_id: model.text().nullable(),
    welcome_booking_id: model.text().nullable(),
    rewarded_at: model.dateTime().nullable(),
    revoked_at: model.dateTime().nullable(),
  })
  .indexes([
    { on: ["referred_customer_id"], unique: true, where: "deleted_at IS NULL" },
    { on: ["referrer_customer_id", "created_at"], where: "deleted_at IS NULL" },
  ])

export default Referral
