import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import jwt from "jsonwebtoken"
import { PORTAL_ACCESS_MODULE, type PortalAccessModuleService } from "../../modules/portal-access"
import { clientAddress } from "../utils/client-address"
import { accessProblem, customerAccountState } from "../../modules/customer-profile/account-state"
import { beforeJsonResponse } from "./before-json-response"
import { refuseWhenPortalClosed } from "./portal-open"
import { holdSignInLink } from "./sign-in-link-lock"
import { MAGIC_LINK_PROVIDER } from "../../providers/magic-link/service"
import { BOOKING_NUMBER_PROVIDER } from "../../providers/booking-number/service"
import { recordPortalLogin } from "../../workflows/portal-logins/record-portal-login"
import { bookingNumberCustomer } from "./booking-number-customer"
import type { PortalLoginMethod } from "@fieldservice/contract"

type TokenClaims = { actor_id?: string; actor_type?: string }

const SOCIAL = new Set(["google", "facebook"])

/** Providers whose failed attempts count towards the per-email and per-client limits. */
const GUESSABLE = new Set(["emailpass", "booking-number", "magic-link"])

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
  const ip = clientAddress(req)
  if (limited) {
    const retryAfter = await portal.loginRetryAfter({ email, ip })
    if (retryAfter !== null) return tooMany(res, retryAfter, "too_many_attempts", "Too many failed attempts", "or reset your password")
  }
  if (provider === MAGIC_LINK_PROVIDER && !(await holdSignInLink(req, res))) {
    return res.status(401).json({ type: "unauthorized", code: "link_in_use", message: "This sign-in link is being used already." })
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
    if (provider === BOOKING_NUMBER_PROVIDER && !claims?.actor_id) {
      // The restricted session acts as no customer; its booking's customer signed in all the same.
      const customerId = await bookingNumberCustomer(req.scope, body.booking_number)
      if (customerId) await recordPortalLogin(req.scope, customerId, BOOKING_NUMBER_PROVIDER)
    }
    // A login without a customer yet (social sign-up, booking-number session) passes as it is.
    if (claims?.actor_type !== "customer" || !claims.actor_id) return
    const state = await customerAccountState(req.scope, claims.actor_id)
    const problem = accessProblem(state, { requireVerified: provider === "emailpass" || provider === MAGIC_LINK_PROVIDER })
    if (problem) return problem
    if (email && limited) await portal.clearLoginFailures(email)
    // Every token handed to a customer here is a sign-in; Google and Facebook are counted when the
    // portal completes them (/store/portal/social/complete), which it does after every callback.
    if (!SOCIAL.has(provider)) await recordPortalLogin(req.scope, claims.actor_id, provider as PortalLoginMethod)
  })
  next()
}

/** 429 with Retry-After and a sentence a person can act on. */
export function tooMany(res: MedusaResponse, retryAfter: number, code: string, what: string, otherwise?: string) {
  const minutes = Math.ceil(retryAfter / 60)
  res.setHeader("Retry-After", String(retryAfter))
  return res.status(429).json({
    type: "too_many_requests",
    code,
    message: `${what}. Please wait ${minutes} minute${minutes === 1 ? "" : "s"} and try again${otherwise ? `, ${otherwise}` : ""}.`,
    retry_after_seconds: retryAfter,
  })
}
