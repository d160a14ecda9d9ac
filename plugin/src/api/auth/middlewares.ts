import type { MiddlewareRoute } from "@medusajs/framework/http"
import { emailRequestLimit } from "../guards/email-request-limit"
import { customerLoginGuard } from "../guards/login-guard"
import { passwordResetOnce } from "../guards/password-reset-once"
import { portalOpenGuard } from "../guards/portal-open"

/** Medusa's customer logins: portal switch, rate limits, and account state before a token is handed out. */
export const authCustomerRoutesMiddlewares: MiddlewareRoute[] = [
  { matcher: "/auth/customer/:auth_provider", method: ["POST"], middlewares: [customerLoginGuard] },
  { matcher: "/auth/customer/:auth_provider/callback", method: ["GET", "POST"], middlewares: [customerLoginGuard] },
  { matcher: "/auth/customer/emailpass/update", method: ["POST"], middlewares: [passwordResetOnce] },
  { matcher: "/auth/customer/emailpass/reset-password", method: ["POST"], middlewares: [emailRequestLimit("password_reset", "identifier")] },
  { matcher: "/auth/customer/emailpass/register", method: ["POST"], middlewares: [portalOpenGuard] },
]
