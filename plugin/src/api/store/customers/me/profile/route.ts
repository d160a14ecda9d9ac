import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ensureCustomerProfileWorkflow } from "../../../../../workflows/customer-profile/ensure-customer-profile"
import { updateCustomerProfileWorkflow } from "../../../../../workflows/customer-profile/update-customer-profile"
import { toProfileResponse } from "../../../../utils/profile-response"
import type { StoreUpdateProfileType } from "./validators"

/** The signed-in customer's profile. Created on first read for customers who predate the plugin. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { result } = await ensureCustomerProfileWorkflow(req.scope).run({
    input: { customer_id: req.auth_context.actor_id },
  })
  res.json({ profile: toProfileResponse(result) })
}

export async function POST(
  req: AuthenticatedMedusaRequest<StoreUpdateProfileType>,
  res: MedusaResponse
) {
  const customerId = req.auth_context.actor_id
  const { result } = await updateCustomerProfileWorkflow(req.scope).run({
    input: {
      customer_id: customerId,
      changes: req.validatedBody,
      actor: { type: "customer", id: customerId },
    },
  })
  res.json({ profile: toProfileResponse(result) })
}
