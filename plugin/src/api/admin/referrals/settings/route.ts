import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { AdminReferralSettingsResponse, ReferralSettings, ReferralSettingsUpdate } from "@fieldservice/contract"
import { REFERRALS_MODULE, type ReferralsModuleService } from "../../../../modules/referrals"
import { updateReferralSettingsWorkflow } from "../../../../workflows/referrals/update-settings"

const present = ({ id: _id, ...settings }: ReferralSettings & { id: string | null }): ReferralSettings => settings

export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminReferralSettingsResponse>) {
  const referrals: ReferralsModuleService = req.scope.resolve(REFERRALS_MODULE)
  res.json({ settings: present(await referrals.getReferralSettings()) })
}

/** Settings → Referrals: on or off, the friend's welcome discount and the referrer's reward. */
export async function POST(req: AuthenticatedMedusaRequest<ReferralSettingsUpdate>, res: MedusaResponse<AdminReferralSettingsResponse>) {
  const { result } = await updateReferralSettingsWorkflow(req.scope).run({ input: req.validatedBody })
  res.json({ settings: present(result) })
}
