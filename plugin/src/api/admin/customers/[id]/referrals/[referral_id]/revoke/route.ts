import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { AdminReferralResponse } from "@fieldservice/contract"
import { adminReferral } from "../../../../../../../queries/referrals"
import { requestActor } from "../../../../../../utils/activity-actor"
import { revokeReferralWorkflow } from "../../../../../../../workflows/referrals/revoke-referral"

/** "Revoke reward": the unspent reward is debited back from the referrer's store credit, and the referral marked revoked. */
export async function POST(req: AuthenticatedMedusaRequest<{ reason?: string }>, res: MedusaResponse<AdminReferralResponse>) {
  await revokeReferralWorkflow(req.scope).run({
    input: { customer_id: req.params.id, referral_id: req.params.referral_id, reason: req.validatedBody.reason ?? null, actor: await requestActor(req) },
  })
  res.json({ referral: await adminReferral(req.scope, req.params.referral_id) })
}
