import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { restoreCustomerAccountWorkflow } from "../../../../../workflows/accounts/account-lifecycle"
import { requestActor } from "../../../../utils/activity-actor"
import type { AdminRestoreCustomerResponse } from "@fieldservice/contract"

export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminRestoreCustomerResponse>) {
  await restoreCustomerAccountWorkflow(req.scope).run({
    input: { customer_id: req.params.id, actor_id: req.auth_context.actor_id, actor: await requestActor(req) },
  })
  res.json({ id: req.params.id, object: "customer", restored: true })
}
