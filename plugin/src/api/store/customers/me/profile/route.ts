import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { StoreCustomerProfileResponse } from "@fieldservice/contract"
import { updateCustomerProfileWorkflow } from "../../../../../workflows/customer-profile/update-customer-profile"
import { loadProfile } from "../../../../../queries/profile"
import { profileUpdateInput, type StoreUpdateProfileType } from "../../../../utils/common-validators/profile"

/** The signed-in customer's profile. Created on first read for customers who predate the plugin. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse<StoreCustomerProfileResponse>) {
  res.json({ profile: await loadProfile(req.scope, req.auth_context.actor_id, "customer") })
}

/** My account → Edit info. */
export async function POST(req: AuthenticatedMedusaRequest<StoreUpdateProfileType>, res: MedusaResponse<StoreCustomerProfileResponse>) {
  const customerId = req.auth_context.actor_id
  await updateCustomerProfileWorkflow(req.scope).run({
    input: { customer_id: customerId, ...profileUpdateInput(req.validatedBody), actor: { type: "customer", id: customerId } },
  })
  res.json({ profile: await loadProfile(req.scope, customerId, "customer") })
}
