import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { StoreVerifyEmailResponse } from "@fieldservice/contract"
import { verifyEmailWorkflow } from "../../../../workflows/accounts/email-verification"
import type { StoreTokenType } from "../validators"
import { sessionTokenAfterVerifying } from "./session-token"
import { PORTAL_ACCESS_MODULE, type PortalAccessModuleService } from "../../../../modules/portal-access"
import { recordPortalLogin } from "../../../../workflows/portal-logins/record-portal-login"

/** The link in the verification email: confirms the address and, since the link proves it, signs the customer in. */
export async function POST(req: MedusaRequest<StoreTokenType>, res: MedusaResponse<StoreVerifyEmailResponse>) {
  const { result } = await verifyEmailWorkflow(req.scope).run({ input: { token: req.validatedBody.token } })
  const portal: PortalAccessModuleService = req.scope.resolve(PORTAL_ACCESS_MODULE)
  const open = (await portal.getSettings()).portal_enabled
  const token = open ? await sessionTokenAfterVerifying(req.scope, result.customer_id) : null
  if (token) await recordPortalLogin(req.scope, result.customer_id, "email_confirmation")
  res.json({ verified: true, email: result.email, token })
}
