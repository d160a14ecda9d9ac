import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { PORTAL_ACCESS_MODULE, type PortalAccessModuleService } from "../../modules/portal-access"
import { clientAddress } from "../utils/client-address"
import { tooMany } from "./login-guard"

/**
 * In front of every request that emails someone a link (sign-up, a new confirmation link, a
 * password reset, a sign-in link): each one counts, per address and per client, whether or not
 * the address has an account, so the answer tells nobody which addresses are customers.
 */
export function emailRequestLimit(kind: string, field: "email" | "identifier" = "email") {
  return async (req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) => {
    const value = ((req.validatedBody ?? req.body ?? {}) as Record<string, unknown>)[field]
    if (typeof value !== "string" || !value.trim()) return next()
    const email = value.trim().toLowerCase()
    const ip = clientAddress(req)
    const portal: PortalAccessModuleService = req.scope.resolve(PORTAL_ACCESS_MODULE)
    const retryAfter = await portal.emailRequestRetryAfter({ email, ip })
    if (retryAfter !== null) return tooMany(res, retryAfter, "too_many_emails", "Too many emails have been asked for")
    await portal.recordEmailRequest({ email, ip, kind })
    next()
  }
}
