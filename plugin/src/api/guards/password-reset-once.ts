import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import jwt from "jsonwebtoken"
import { beforeJsonResponse } from "./before-json-response"
import { hashToken, PORTAL_ACCESS_MODULE, type PortalAccessModuleService } from "../../modules/portal-access"

/**
 * Medusa's reset tokens are valid until they expire; this makes each one work once. The
 * token is claimed before the password changes (a unique hash), and given back if it fails.
 */
export async function passwordResetOnce(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const token = req.headers.authorization?.replace(/^Bearer\s+/i, "")
  if (!token) return next()
  const portal: PortalAccessModuleService = req.scope.resolve(PORTAL_ACCESS_MODULE)
  const claims = jwt.decode(token) as { exp?: number; entity_id?: string } | null
  let claimId: string
  try {
    const claim = await portal.createAccountTokens({
      customer_id: "",
      email: String(claims?.entity_id ?? ""),
      purpose: "password_reset",
      token_hash: hashToken(token),
      expires_at: new Date((claims?.exp ?? Date.now() / 1000) * 1000),
      used_at: new Date(),
    })
    claimId = claim.id
  } catch {
    return res.status(401).json({
      type: "unauthorized",
      code: "token_used",
      message: "This reset link has already been used. Ask for a new one if you still need to change your password.",
    })
  }
  beforeJsonResponse(res, next, async () => {
    // A failed change (e.g. an invalid password) gives the link back.
    if (res.statusCode >= 300) await portal.deleteAccountTokens(claimId).catch(() => {})
  })
  next()
}
