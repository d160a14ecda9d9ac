import { MathBN, MedusaError } from "@medusajs/framework/utils"
import { createStep, createWorkflow, StepResponse, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { REFERRALS_MODULE, type ReferralsModuleService } from "../../modules/referrals"
import { type ActivityActor } from "../customer-profile/activity"
import { recordActivityStep, type ActivityEntry } from "../customer-profile/steps/record-activity"
import { fullName, loadPerson } from "./same-person"
import { type StoreCreditModule, STORE_CREDIT_MODULE } from "./store-credit"

export type RevokeReferralInput = { customer_id: string; referral_id: string; reason?: string | null; actor?: ActivityActor | null }

/**
 * Staff take a reward back: what is still unspent of it is debited from the referrer's store
 * credit (never more than the account holds), and the referral is marked revoked.
 */
const revokeReferralStep = createStep(
  "revoke-referral",
  async (input: RevokeReferralInput, { container }) => {
    const referrals: ReferralsModuleService = container.resolve(REFERRALS_MODULE)
    const [referral] = await referrals.listReferrals({ id: input.referral_id }, { take: 1 })
    // Only through one of its two customers' pages; anyone else's is "not found".
    if (!referral || (referral.referrer_customer_id !== input.customer_id && referral.referred_customer_id !== input.customer_id)) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Referral ${input.referral_id} was not found`)
    }
    if (referral.status !== "rewarded" || !(await referrals.claimStatus(referral.id, "rewarded", "revoked"))) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `Only a reward that was given can be revoked; this referral is ${referral.status.replace("_", " ")}.`
      )
    }
    const storeCredit: StoreCreditModule = container.resolve(STORE_CREDIT_MODULE)
    let debitId: string | null = null
    let taken = MathBN.convert(0)
    if (referral.store_credit_account_id && referral.reward_amount !== null) {
      const [account] = await storeCredit.listStoreCreditAccounts({ id: referral.store_credit_account_id })
      const balance = MathBN.convert((account?.balance as number) ?? 0)
      taken = MathBN.min(balance, MathBN.convert(referral.reward_amount as unknown as number))
      if (taken.gt(0)) {
        const [debit] = await storeCredit.debitAccounts([
          {
            account_id: referral.store_credit_account_id,
            amount: taken.toNumber(),
            reference: "referral_revoked",
            reference_id: referral.id,
            note: input.reason ?? null,
          },
        ])
        debitId = debit.id
      }
    }
    const updated = await referrals.updateReferrals({ id: referral.id, revoke_transaction_id: debitId, revoked_at: new Date(), reason: input.reason || null })
    const friend = await loadPerson(container, referral.referred_customer_id)
    const currency = (referral.currency_code ?? "").toUpperCase()
    const entry: ActivityEntry = {
      customer_id: referral.referrer_customer_id,
      kind: "referral_revoked",
      message: `Referral reward for inviting ${fullName(friend)} revoked; ${taken.toFixed(2)} ${currency} store credit taken back.${input.reason ? ` Reason: ${input.reason}` : ""}`,
      data: { referral_id: referral.id, transaction_id: debitId },
      actor: input.actor ?? null,
    }
    return new StepResponse({ referral: updated, entries: [entry] }, { id: referral.id, debit_id: debitId })
  },
  async (undo, { container }) => {
    if (!undo) return
    if (undo.debit_id) await (container.resolve(STORE_CREDIT_MODULE) as StoreCreditModule).deleteTransactions([undo.debit_id])
    const referrals: ReferralsModuleService = container.resolve(REFERRALS_MODULE)
    await referrals.updateReferrals({ id: undo.id, status: "rewarded", revoke_transaction_id: null, revoked_at: null })
  }
)

export const revokeReferralWorkflow = createWorkflow("revoke-referral", (input: RevokeReferralInput) => {
  const revoked = revokeReferralStep(input)
  recordActivityStep(revoked.entries)
  return new WorkflowResponse(revoked.referral)
})
