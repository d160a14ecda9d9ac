import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { ICustomerModuleService } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { sendPortalInviteWorkflow } from "../../../../../workflows/accounts/invite"
import { requestActor } from "../../../../utils/activity-actor"
import { findPasswordLogin } from "../../../../utils/password-login"
import type { AdminPortalInviteResponse } from "@fieldservice/contract"
import { isoDate } from "../../../../../utils/json-dates"

/** Invite to the portal, or (when the customer already has a login) send the confirm-account email. */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminPortalInviteResponse>) {
  const customers: ICustomerModuleService = req.scope.resolve(Modules.CUSTOMER)
  const customer = await customers.retrieveCustomer(req.params.id)
  const login = await findPasswordLogin(req.scope, customer.email)
  const { result } = await sendPortalInviteWorkflow(req.scope).run({
    input: {
      customer_id: customer.id,
      email: customer.email,
      first_name: customer.first_name,
      has_login: !!login,
      staff_user_id: req.auth_context.actor_id,
      actor: await requestActor(req),
    },
  })
  res.json({ invite: { sent_at: isoDate(result.sent_at), expires_at: isoDate(result.expires_at), template: login ? "confirm-account" : "portal-invite" } })
}
