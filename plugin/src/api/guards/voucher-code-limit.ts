import type { AuthenticatedMedusaRequest, MedusaNextFunction, MedusaResponse } from "@medusajs/framework/http"
import { PORTAL_ACCESS_MODULE, type PortalAccessModuleService } from "../../modules/portal-access"
import { clientAddress } from "../utils/client-address"
import { beforeJsonResponse } from "./before-json-response"
import { tooMany } from "./login-guard"
import { UNKNOWN_CODE } from "../../workflows/gift-vouchers/add-gift-voucher"

/** The key a customer's wrong codes are counted under: their own, apart from their sign-in's. */
const voucherKey = (customerId: string) => `voucher-code:${customerId}`

/**
 * Voucher codes are guessed like passwords: wrong codes count per customer and per client address
 * with the login limits, and once used up the next tries wait (429) without being looked up. In
 * front of adding a voucher and of booking with one.
 */
export async function voucherCodeLimit(req: AuthenticatedMedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const body = (req.body ?? {}) as { code?: unknown; gift_voucher_code?: unknown }
  if (!body.code && !body.gift_voucher_code) return next()
  const portal: PortalAccessModuleService = req.scope.resolve(PORTAL_ACCESS_MODULE)
  const key = { email: voucherKey(req.auth_context.actor_id), ip: clientAddress(req) }
  const retryAfter = await portal.loginRetryAfter(key)
  if (retryAfter !== null) return tooMany(res, retryAfter, "too_many_attempts", "Too many wrong voucher codes")
  beforeJsonResponse(res, next, async (payload) => {
    if (res.statusCode === 404 && (payload as { code?: string } | null)?.code === UNKNOWN_CODE)
      await portal.recordLoginFailure({ ...key, method: "voucher-code" }).catch(() => {})
  })
  next()
}
