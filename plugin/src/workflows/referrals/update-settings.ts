import { createStep, createWorkflow, StepResponse, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { ReferralSettings, ReferralSettingsUpdate } from "@fieldservice/contract"
import { REFERRALS_MODULE, type ReferralsModuleService } from "../../modules/referrals"

/** Settings → Referrals saved; undone if a later step fails. Changes apply to discounts and rewards not yet given. */
const updateReferralSettingsStep = createStep(
  "update-referral-settings",
  async (input: ReferralSettingsUpdate, { container }) => {
    const referrals: ReferralsModuleService = container.resolve(REFERRALS_MODULE)
    const before = await referrals.getReferralSettings()
    const { id: _id, ...current } = before
    const next: ReferralSettings = { ...current, ...input }
    if (before.id) await referrals.updateReferralSettings({ ...next, id: before.id })
    else await referrals.createReferralSettings(next)
    return new StepResponse(await referrals.getReferralSettings(), before)
  },
  async (before, { container }) => {
    if (!before) return
    const referrals: ReferralsModuleService = container.resolve(REFERRALS_MODULE)
    if (before.id) await referrals.updateReferralSettings(before as never)
    else await referrals.deleteReferralSettings((await referrals.listReferralSettings({}, { select: ["id"] })).map((row) => row.id))
  }
)

export const updateReferralSettingsWorkflow = createWorkflow("update-referral-settings", (input: ReferralSettingsUpdate) => {
  return new WorkflowResponse(updateReferralSettingsStep(input))
})
