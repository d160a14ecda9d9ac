import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { PORTAL_ACCESS_MODULE, type PortalAccessModuleService } from "../../modules/portal-access"

/** Answers 403 with the business's message, and true, when staff have switched the portal off. */
export async function refuseWhenPortalClosed(req: MedusaRequest, res: MedusaResponse): Promise<boolean> {
  const portal: PortalAccessModuleService = req.scope.resolve(PORTAL_ACCESS_MODULE)
  const settings = await portal.getSettings()
  if (settings.portal_enabled) return false
  res.status(403).json({ type: "not_allowed", code: "portal_closed", message: settings.closed_message })
  return true
}

/** Sign-up and registration are closed while the portal is off. */
export async function portalOpenGuard(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  if (!(await refuseWhenPortalClosed(req, res))) next()
}
