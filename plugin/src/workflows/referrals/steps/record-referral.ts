import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { REFERRALS_MODULE, type ReferralsModuleService } from "../../../modules/referrals"
import type { ActivityEntry } from "../../customer-profile/steps/record-activity"
import { fullName, loadPerson, sameContactReason } from "../same-person"

export type RecordReferralInput = { customer_id: string; ref?: string | null; email: string; phone?: string | null }

/**
 * Sign-up through a friend's link: the referral is recorded (refused, with the reason, when the
 * "friend" has the referrer's own email or phone). A code nobody has, or referrals switched off,
 * changes nothing: the sign-up itself never fails because of its link. Answers the history lines.
 */
export const recordReferralStep = createStep(
  "record-referral",
  async (input: RecordReferralInput, { container }) => {
    const none = new StepResponse([] as ActivityEntry[], null as string | null)
    if (!input.ref) return none
    const referrals: ReferralsModuleService = container.resolve(REFERRALS_MODULE)
    const settings = await referrals.getReferralSettings()
    if (!settings.enabled) return none
    const referrerId = await referrals.ownerOfCode(input.ref)
    if (!referrerId || referrerId === input.customer_id) return none
    const referrer = await loadPerson(container, referrerId)
    if (!referrer) return none
    const reason = sameContactReason(referrer, input)
    const referral = await referrals.createReferrals({
      referrer_customer_id: referrerId,
      referred_customer_id: input.customer_id,
      code: (await referrals.codeFor(referrerId)) as string,
      status: reason ? "refused" : "signed_up",
      reason,
    })
    const friend = await loadPerson(container, input.customer_id)
    const data = { referral_id: referral.id }
    const entries: ActivityEntry[] = [
      {
        customer_id: input.customer_id,
        kind: "referral_signed_up",
        message: reason
          ? `Signed up with ${fullName(referrer)}'s invite link; no referral reward (${reason.toLowerCase()}).`
          : `Signed up with ${fullName(referrer)}'s invite link.`,
        data,
        actor: { type: "customer", id: input.customer_id },
      },
      {
        customer_id: referrerId,
        kind: "referral_signed_up",
        message: reason
          ? `${fullName(friend)} signed up with their invite link; refused: ${reason.toLowerCase()}.`
          : `${fullName(friend)} signed up with their invite link.`,
        data,
        actor: { type: "customer", id: input.customer_id },
      },
    ]
    return new StepResponse(entries, referral.id)
  },
  async (referralId, { container }) => {
    if (!referralId) return
    const referrals: ReferralsModuleService = container.resolve(REFERRALS_MODULE)
    await referrals.deleteReferrals(referralId)
  }
)
