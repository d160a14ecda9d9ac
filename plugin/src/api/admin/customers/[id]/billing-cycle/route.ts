import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { AdminBillingCycleResponse } from "@fieldservice/contract"
import { Modules } from "@medusajs/framework/utils"
import { loadBillingCycle } from "../../../../../queries/billing-cycles"
import { setBillingCycleWorkflow } from "../../../../../workflows/billing-cycles/set-billing-cycle"
import { billNow } from "../../../../../workflows/billing-cycles/run-billing-cycles"
import { requestActor } from "../../../../utils/activity-actor"
import type { AdminSetBillingCycleType } from "../../validators"

/** The "Billing cycle" card: the cycle, its open period and the visits waiting for the next invoice (the preview). */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminBillingCycleResponse>) {
  res.json(await loadBillingCycle(req.scope, req.params.id))
}

/**
 * Sets the cycle. Back to per visit: visits that were waiting under the old cycle are invoiced at
 * once, as they would otherwise never be (their completion has passed).
 */
export async function POST(req: AuthenticatedMedusaRequest<AdminSetBillingCycleType>, res: MedusaResponse<AdminBillingCycleResponse>) {
  await req.scope.resolve(Modules.CUSTOMER).retrieveCustomer(req.params.id, { select: ["id"] })
  const actor = await requestActor(req)
  const { business_profile_id, setting } = req.validatedBody
  if (setting.frequency === "per_visit") {
    await billNow(req.scope, req.params.id, actor, (visit) => (visit.business_profile_id ?? null) === business_profile_id || !business_profile_id)
  }
  await setBillingCycleWorkflow(req.scope).run({ input: { customer_id: req.params.id, business_profile_id, setting, actor } })
  res.json(await loadBillingCycle(req.scope, req.params.id))
}
