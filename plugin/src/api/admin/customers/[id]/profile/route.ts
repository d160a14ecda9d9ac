import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ensureCustomerProfileWorkflow } from "../../../../../workflows/customer-profile/ensure-customer-profile"
import { updateCustomerProfileWorkflow } from "../../../../../workflows/customer-profile/update-customer-profile"
import { toProfileResponse } from "../../../../utils/profile-response"
import type { AdminUpdateProfileType } from "./validators"

export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { result } = await ensureCustomerProfileWorkflow(req.scope).run({
    input: { customer_id: req.params.id },
  })
  res.json({ profile: toProfileResponse(result) })
}

export async function POST(
  req: AuthenticatedMedusaRequest<AdminUpdateProfileType>,
  res: MedusaResponse
) {
  const { result } = await updateCustomerProfileWorkflow(req.scope).run({
    input: {
      customer_id: req.params.id,
      changes: req.validatedBody,
      actor: { type: "user", id: req.auth_context.actor_id },
    },
  })
  res.json({ profile: toProfileResponse(result) })
}
