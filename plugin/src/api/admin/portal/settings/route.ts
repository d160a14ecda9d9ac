import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { PORTAL_ACCESS_MODULE, type PortalAccessModuleService } from "../../../../modules/portal-access"
import { updatePortalSettingsWorkflow } from "../../../../workflows/accounts/portal-settings"
import type { AdminUpdatePortalSettingsType } from "../validators"
import { type AdminPortalSettings, type AdminPortalSettingsResponse, resolveNoticeSettings } from "@fieldservice/contract"
import { isoDate } from "../../../../utils/json-dates"

const present = (
  settings: {
    portal_enabled: boolean
    closed_message: string
    dependents_enabled: boolean
    cancellation_cutoff_hours: number
    reschedule_cutoff_hours: number
    cancellation_policy: string
    office_phone: string | null
    office_email: string | null
    notices?: unknown
    updated_at: Date | string
  },
  defaultEmail: string | null
): AdminPortalSettings => ({
  portal_enabled: settings.portal_enabled,
  closed_message: settings.closed_message,
  dependents_enabled: settings.dependents_enabled,
  cancellation_cutoff_hours: settings.cancellation_cutoff_hours,
  reschedule_cutoff_hours: settings.reschedule_cutoff_hours,
  cancellation_policy: settings.cancellation_policy,
  office_phone: settings.office_phone,
  office_email: settings.office_email ?? defaultEmail,
  notices: resolveNoticeSettings(settings.notices as Parameters<typeof resolveNoticeSettings>[0]),
  updated_at: isoDate(settings.updated_at),
})

export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminPortalSettingsResponse>) {
  const portal: PortalAccessModuleService = req.scope.resolve(PORTAL_ACCESS_MODULE)
  res.json({ settings: present(await portal.getSettings(), portal.businessEmail) })
}

export async function POST(req: AuthenticatedMedusaRequest<AdminUpdatePortalSettingsType>, res: MedusaResponse<AdminPortalSettingsResponse>) {
  const portal: PortalAccessModuleService = req.scope.resolve(PORTAL_ACCESS_MODULE)
  const { result } = await updatePortalSettingsWorkflow(req.scope).run({ input: req.validatedBody })
  res.json({ settings: present(result, portal.businessEmail) })
}
