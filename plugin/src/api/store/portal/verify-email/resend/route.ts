import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { StoreResendVerificationResponse } from "@fieldservice/contract"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { resendVerificationWorkflow } from "../../../../../workflows/accounts/email-verification"
import type { StoreResendVerificationType } from "../../validators"

/** Always the same answer; a new link goes out only to a registered, still unverified email. */
export async function POST(req: MedusaRequest<StoreResendVerificationType>, res: MedusaResponse<StoreResendVerificationResponse>) {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "customer",
    fields: ["id", "email", "first_name", "customer_profile.email_verified_at", "customer_profile.id"],
    filters: { email: req.validatedBody.email, has_account: true },
  })
  const customer = data[0]
  if (customer?.customer_profile && !customer.customer_profile.email_verified_at) {
    await resendVerificationWorkflow(req.scope).run({
      input: { customer_id: customer.id, email: customer.email, first_name: customer.first_name },
    })
  }
  res.status(202).json({ status: "sent_if_needed" })
}
