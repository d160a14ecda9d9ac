import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { StoreSignInLinkResponse } from "@fieldservice/contract"
import type { IAuthModuleService } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { resendVerificationWorkflow } from "../../../../workflows/accounts/email-verification"
import { sendSignInLinkWorkflow } from "../../../../workflows/accounts/sign-in-link"
import type { StoreSignInLinkType } from "../validators"

/**
 * "Email me a sign-in link". Always the same answer, so it tells nobody which emails have an
 * account. A customer whose email is confirmed gets the link; one who never confirmed it gets
 * the confirmation email again instead (a link must only reach a proven address).
 */
export async function POST(req: MedusaRequest<StoreSignInLinkType>, res: MedusaResponse<StoreSignInLinkResponse>) {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "customer",
    fields: ["id", "email", "first_name", "customer_profile.id", "customer_profile.email_verified_at"],
    filters: { email: req.validatedBody.email, has_account: true },
  })
  const customer = data[0]
  if (customer) {
    const profile = customer.customer_profile as { email_verified_at: Date | null } | null
    const input = { customer_id: customer.id, email: customer.email as string, first_name: customer.first_name }
    if (profile && !profile.email_verified_at) {
      await resendVerificationWorkflow(req.scope).run({ input })
    } else {
      const auth: IAuthModuleService = req.scope.resolve(Modules.AUTH)
      const [login] = await auth.listAuthIdentities({ app_metadata: { customer_id: customer.id } } as never)
      if (login) await sendSignInLinkWorkflow(req.scope).run({ input: { ...input, auth_identity_id: login.id } })
    }
  }
  res.status(202).json({ status: "sent_if_possible" })
}
