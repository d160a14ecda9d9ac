import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { AdminCustomerProfileResponse } from "@fieldservice/contract"
import { updateCustomerProfileWorkflow } from "../../../../../workflows/customer-profile/update-customer-profile"
import { requestActor } from "../../../../utils/activity-actor"
import { loadProfile } from "../../../../../queries/profile"
import { profileUpdateInput, type AdminUpdateProfileType } from "../../../../utils/common-validators/profile"

export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminCustomerProfileResponse>) {
  res.json({ profile: await loadProfile(req.scope, req.params.id, "staff") })
}

export async function POST(req: AuthenticatedMedusaRequest<AdminUpdateProfileType>, res: MedusaResponse<AdminCustomerProfileResponse>) {
  await updateCustomerProfileWorkflow(req.scope).run({
    input: { customer_id: req.params.id, ...profileUpdateInput(req.validatedBody), actor: await requestActor(req) },
  })
  res.json({ profile: await loadProfile(req.scope, req.params.id, "staff") })
}
