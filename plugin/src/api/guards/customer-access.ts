import type { AuthenticatedMedusaRequest, MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { accessProblem, customerAccountState } from "../../modules/customer-profile/account-state"

/**
 * Runs after authentication on the customer's own routes: a customer blocked, archived or
 * deleted since signing in is stopped on their next request, whatever their token says.
 */
export async function customerAccessGuard(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const { actor_id, actor_type } = (req as AuthenticatedMedusaRequest).auth_context ?? {}
  if (actor_type !== "customer" || !actor_id) return next()
  const problem = accessProblem(await customerAccountState(req.scope, actor_id), { requireVerified: false })
  if (problem) return res.status(problem.status).json(problem.body)
  next()
}
