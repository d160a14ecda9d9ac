import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import jwt from "jsonwebtoken"
import { PORTAL_ACCESS_MODULE, type PortalAccessModuleService } from "../../modules/portal-access"
import { accessProblem, customerAccountState } from "../utils/customer-state"
import { beforeJsonResponse } from "./before-json-response"
import { refuseWhenPortalClosed } from "./portal-open"

type TokenClaims = { actor_id?: string; actor_type?: string }

/** Providers whose failed attempts count towards the per-email and per-IP limit. */
const GUESSABLE = new Set(["emailpass", "booking-number"])

/**
 * In front of every customer login (`/auth/customer/:provider` and its callback): closed when
 * staff switch the portal off, rate limited for password and booking-number guesses, and a
 * token is only handed out when the account may sign in (verified, not blocked or archived).
 */
export async function customerLoginGuard(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const provider = req.params.auth_provider ?? req.path.split("/")[3]
  if (await refuseWhenPortalClosed(req, res)) return
  const portal: PortalAccessModuleService = req.scope.resolve(PORTAL_ACCESS_MODULE)

  const limited = GUESSABLE.has(provider)
  const body = (req.body ?? {}) as Record<string, unknown>
  const email = typeof body.email === "string" ? body.email.trim().toLowerCase() : null
  // Portal sign-ups store emails in lower case; match logins typed in any case.
  if (email && provider === "emailpass") body.email = email
  const ip = req.ip ?? null
  if (limited) {
    const retryAfter = await portal.loginRetryAfter({ email, ip })
    if (retryAfter !== null) {
      const minutes = Math.ceil(retryAfter / 60)
      res.setHeader("Retry-After", String(retryAfter))
      return res.status(429).json({
        type: "too_many_requests",
        code: "too_many_attempts",
        message: `Too many failed attempts. Please wait ${minutes} minute${minutes === 1 ? "" : "s"} and try again, or reset your password.`,
        retry_after_seconds: retryAfter,
      })
    }
  }

  beforeJsonResponse(res, next, async (payload) => {
    const token = (payload as { token?: unknown })?.token
    if (res.statusCode === 401 && limited) {
      // Counting the failure must never hide the answer itself.
      await portal.recordLoginFailure({ email, ip, method: provider }).catch(() => {})
      return
    }
    if (res.statusCode !== 200 || typeof token !== "string") return
    const claims = jwt.decode(token) as TokenClaims | null
    // A login without a customer yet (social sign-up, booking-number session) passes as it is.
    if (claims?.actor_type !== "customer" || !claims.actor_id) return
    const state = await customerAccountState(req.scope, claims.actor_id)
    const problem = accessProblem(state, { requireVerified: provider === "emailpass" })
    if (problem) return problem
    if (email && limited) await portal.clearLoginFailures(email)
  })
  next()
}
