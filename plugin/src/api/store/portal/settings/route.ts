import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { PORTAL_ACCESS_MODULE, type PortalAccessModuleService } from "../../../../modules/portal-access"
import { configuredAuthProviders } from "../../../utils/auth-providers"

/** What the portal needs before anyone signs in: is it open, and which sign-in buttons to show. */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const portal: PortalAccessModuleService = req.scope.resolve(PORTAL_ACCESS_MODULE)
  const settings = await portal.getSettings()
  const providers = configuredAuthProviders(req.scope)
  res.json({
    portal: {
      enabled: settings.portal_enabled,
      closed_message: settings.closed_message,
      dependents_enabled: settings.dependents_enabled,
      sign_in_methods: {
        password: true,
        google: providers.has("google"),
        facebook: providers.has("facebook"),
        booking_number: providers.has("booking-number"),
      },
    },
  })
}
