import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { StorePortalSettingsResponse } from "@fieldservice/contract"
import { PORTAL_ACCESS_MODULE, type PortalAccessModuleService } from "../../../../modules/portal-access"
import { configuredAuthProviders, socialSignInOrigins } from "./helpers"

/** What the portal needs before anyone signs in: is it open, and which sign-in buttons to show. */
export async function GET(req: MedusaRequest, res: MedusaResponse<StorePortalSettingsResponse>) {
  const portal: PortalAccessModuleService = req.scope.resolve(PORTAL_ACCESS_MODULE)
  const settings = await portal.getSettings()
  const providers = configuredAuthProviders(req.scope)
  res.json({
    portal: {
      enabled: settings.portal_enabled,
      closed_message: settings.closed_message,
      dependents_enabled: settings.dependents_enabled,
      // The rules shown before a customer cancels or reschedules (the booking read applies them).
      booking_changes: {
        cancellation_cutoff_hours: settings.cancellation_cutoff_hours,
        reschedule_cutoff_hours: settings.reschedule_cutoff_hours,
        cancellation_policy: settings.cancellation_policy,
        office_phone: settings.office_phone ?? null,
        office_email: settings.office_email ?? portal.businessEmail,
      },
      sign_in_methods: {
        password: true,
        google: providers.has("google"),
        facebook: providers.has("facebook"),
        booking_number: providers.has("booking-number"),
        email_link: providers.has("magic-link"),
      },
      sign_in_origins: socialSignInOrigins(req.scope),
    },
  })
}
