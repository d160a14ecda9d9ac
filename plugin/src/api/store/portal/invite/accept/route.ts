import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { StorePortalAccountEmailResponse } from "@fieldservice/contract"
import type { ICustomerModuleService } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { AccountTokenError, hashToken, PORTAL_ACCESS_MODULE, type PortalAccessModuleService } from "../../../../../modules/portal-access"
import { acceptPortalInviteWorkflow } from "../../../../../workflows/accounts/invite"
import type { StoreAcceptInviteType } from "../../validators"
import { findPasswordLogin } from "../../../../utils/password-login"

export async function POST(req: MedusaRequest<StoreAcceptInviteType>, res: MedusaResponse<StorePortalAccountEmailResponse>) {
  const { token, password } = req.validatedBody
  const portal: PortalAccessModuleService = req.scope.resolve(PORTAL_ACCESS_MODULE)
  // Which customer the link is for; whether it is still usable is decided when it is consumed.
  const [invite] = await portal.listAccountTokens({ token_hash: hashToken(token), purpose: "invite" })
  if (!invite) throw new AccountTokenError("token_invalid")
  const customers: ICustomerModuleService = req.scope.resolve(Modules.CUSTOMER)
  const customer = await customers.retrieveCustomer(invite.customer_id)
  const login = await findPasswordLogin(req.scope, customer.email)
  await acceptPortalInviteWorkflow(req.scope).run({
    input: { token, password, email: customer.email, customer_id: customer.id, existing_login_id: login?.id ?? null },
  })
  res.json({ email: customer.email })
}
