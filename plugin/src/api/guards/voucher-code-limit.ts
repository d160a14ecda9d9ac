import type { AuthenticatedMedusaRequest, MedusaNextFunction, MedusaResponse } from "@medusajs/framework/http"
import { PORTAL_ACCESS_MODULE, type PortalAccessModuleService } from "../../modules/portal-access"
import { clientAddress } from "../utils/client-address"
import { beforeJsonResponse } from "./before-json-response"
import { tooMany } from "./login-guard"

/** The key a customer's wrong codes are counted under: their own, apart from their sign-in's. */
const voucherKey = (customerId: string) => `voucher-code:${customerId}`

/**
 * Voucher codes are guessed like passwords: wrong codes count per customer and per client address
 * with the login limits, and once used up the next tries wait (429) without being looked up.
 */
export async function voucherCodeLimit(req: AuthenticatedMedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const portal: PortalAccessModuleService = req.scope.resolve(PORTAL_ACCESS_MODULE)
  const key = { email: voucherKey(req.auth_context.actor_id), ip: clientAddress(req) }
  const retryAfter = await portal.loginRetryAfter(key)
  if (retryAfter !== null) return tooMany(res, retryAfter, "too_many_attempts", "Too many wrong voucher codes")
  beforeJsonResponse(res, next, async () => {
    if (res.statusCode === 404) await portal.recordLoginFailure({ ...key, method: "voucher-code" }).catch(() => {})
  })
  next()
}
