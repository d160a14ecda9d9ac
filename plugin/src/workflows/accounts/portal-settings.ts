import { createStep, createWorkflow, StepResponse, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { PORTAL_ACCESS_MODULE, type PortalAccessModuleService } from "../../modules/portal-access"
import { type NoticeEvent, type NoticeSetting, resolveNoticeSettings } from "@fieldservice/contract"

export type PortalSettingsChanges = {
  portal_enabled?: boolean
  closed_message?: string
  dependents_enabled?: boolean
  cancellation_cutoff_hours?: number
  reschedule_cutoff_hours?: number
  cancellation_policy?: string
  office_phone?: string | null
  office_email?: string | null
  /** Only the events and switches sent change; "always" emails stay on. */
  notices?: Partial<Record<NoticeEvent, Partial<NoticeSetting>>>
}

const updatePortalSettingsStep = createStep(
  "update-portal-settings",
  async (changes: PortalSettingsChanges, { container }) => {
    const portal: PortalAccessModuleService = container.resolve(PORTAL_ACCESS_MODULE)
    const before = await portal.getSettings()
    const { notices: noticeChanges, ...rest } = changes
    const current = resolveNoticeSettings(before.notices as Parameters<typeof resolveNoticeSettings>[0])
    const notices = noticeChanges
      ? resolveNoticeSettings(
          Object.fromEntries(Object.entries(current).map(([event, setting]) => [event, { ...setting, ...noticeChanges[event as NoticeEvent] }]))
        )
      : undefined
    const after = await portal.updatePortalSettings({ id: before.id, ...rest, ...(notices ? { notices } : {}) })
    return new StepResponse(after, {
      id: before.id,
      portal_enabled: before.portal_enabled,
      closed_message: before.closed_message,
      dependents_enabled: before.dependents_enabled,
      cancellation_cutoff_hours: before.cancellation_cutoff_hours,
      reschedule_cutoff_hours: before.reschedule_cutoff_hours,
      cancellation_policy: before.cancellation_policy,
      office_phone: before.office_phone,
      office_email: before.office_email,
      notices: before.notices,
    })
  },
  async (previous, { container }) => {
    if (!previous) return
    const portal: PortalAccessModuleService = container.resolve(PORTAL_ACCESS_MODULE)
    await portal.updatePortalSettings(previous)
  }
)

export const updatePortalSettingsWorkflow = createWorkflow("portal-update-settings", (changes: PortalSettingsChanges) => {
  return new WorkflowResponse(updatePortalSettingsStep(changes))
})
