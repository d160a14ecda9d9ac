import { MathBN } from "@medusajs/framework/utils"
import { createStep, createWorkflow, StepResponse, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { BOOKING_MODULE, type BookingModuleService } from "../../modules/booking"
import { REFERRALS_MODULE, type ReferralsModuleService } from "../../modules/referrals"
import { recordActivityStep, type ActivityEntry } from "../customer-profile/steps/record-activity"
import { fullName, loadPerson, sameHouseholdReason } from "./same-person"
import { creditStoreCredit, type StoreCreditModule, STORE_CREDIT_MODULE } from "./store-credit"

type Outcome = { entries: ActivityEntry[] }
type Undo = { referral_id: string; transaction_id: string | null } | null

/**
 * A referred friend's visit was completed: the first time, the referrer gets the reward as store
 * credit (their account in the booking's currency, made if missing), once however often this runs;
 * or, when the friend turns out to share the referrer's address or card, the referral is refused.
 */
export const rewardReferralStep = createStep(
  "reward-referral",
  async (input: { booking_id: string }, { container }) => {
    const none = new StepResponse<Outcome, Undo>({ entries: [] }, null)
    const booking = await (container.resolve(BOOKING_MODULE) as BookingModuleService).retrieveBooking(input.booking_id)
    if (!booking.customer_id || booking.status !== "completed") return none
    const referrals: ReferralsModuleService = container.resolve(REFERRALS_MODULE)
    const [referral] = await referrals.listReferrals({ referred_customer_id: booking.customer_id, status: "signed_up" }, { take: 1 })
    if (!referral) return none
    const settings = await referrals.getReferralSettings()
    if (!settings.enabled) return none
    const [referrer, friend] = await Promise.all([loadPerson(container, referral.referrer_customer_id), loadPerson(container, booking.customer_id)])

    const reason = await sameHouseholdReason(container, referral.referrer_customer_id, booking.customer_id)
    if (reason) {
      if (!(await referrals.claimStatus(referral.id, "signed_up", "refused"))) return none
      await referrals.updateReferrals({ id: referral.id, reason })
      return new StepResponse<Outcome, Undo>(
        {
          entries: [
            {
              customer_id: referral.referrer_customer_id,
              kind: "referral_refused",
              message: `No referral reward for ${fullName(friend)}: ${reason.toLowerCase()}.`,
              data: { referral_id: referral.id },
            },
          ],
        },
        { referral_id: referral.id, transaction_id: null }
      )
    }
    if (settings.reward_amount <= 0) return none
    // Claimed before the credit, so two completions at once reward once.
    if (!(await referrals.claimStatus(referral.id, "signed_up", "rewarded"))) return none
    const currency = settings.currency_code
    try {
      const credit = await creditStoreCredit(container, {
        customer_id: referral.referrer_customer_id,
        currency_code: currency,
        amount: settings.reward_amount,
        reference_id: referral.id,
        note: `Referral reward: ${fullName(friend)}'s first visit`,
      })
      await referrals.updateReferrals({
        id: referral.id,
        reward_amount: settings.reward_amount,
        currency_code: currency,
        store_credit_account_id: credit.account_id,
        transaction_id: credit.transaction_id,
        rewarded_at: new Date(),
      })
      const amount = `${MathBN.convert(settings.reward_amount).toFixed(2)} ${currency.toUpperCase()}`
      return new StepResponse<Outcome, Undo>(
        {
          entries: [
            {
              customer_id: referral.referrer_customer_id,
              kind: "referral_rewarded",
              message: `Referral reward: ${amount} store credit for inviting ${fullName(friend)} (first visit ${booking.booking_number} completed).`,
              data: { referral_id: referral.id, transaction_id: credit.transaction_id, booking_id: booking.id },
            },
            {
              customer_id: booking.customer_id,
              kind: "referral_rewarded",
              message: `${fullName(referrer)} was given ${amount} store credit for inviting them.`,
              data: { referral_id: referral.id },
            },
          ],
        },
        { referral_id: referral.id, transaction_id: credit.transaction_id }
      )
    } catch (error) {
      await referrals.claimStatus(referral.id, "rewarded", "signed_up")
      throw error
    }
  },
  async (undo, { container }) => {
    if (!undo) return
    const referrals: ReferralsModuleService = container.resolve(REFERRALS_MODULE)
    if (undo.transaction_id) {
      const storeCredit: StoreCreditModule = container.resolve(STORE_CREDIT_MODULE)
      await storeCredit.deleteTransactions([undo.transaction_id])
    }
    await referrals.updateReferrals({
      id: undo.referral_id,
      status: "signed_up",
      reason: null,
      transaction_id: null,
      reward_amount: null,
      rewarded_at: null,
    })
  }
)

export const rewardReferrerWorkflowId = "reward-referrer"
export const rewardReferrerWorkflow = createWorkflow(rewardReferrerWorkflowId, (input: { booking_id: string }) => {
  const outcome = rewardReferralStep(input)
  recordActivityStep(outcome.entries)
  return new WorkflowResponse(outcome)
})
