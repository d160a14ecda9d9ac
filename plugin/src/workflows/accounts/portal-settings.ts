import { createStep, createWorkflow, StepResponse, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { PORTAL_ACCESS_MODULE, type PortalAccessModuleService } from "../../modules/portal-access"

export type PortalSettingsChanges = { portal_enabled?: boolean; closed_message?: string; dependents_enabled?: boolean }

const updatePortalSettingsStep = createStep(
  "update-portal-settings",
  async (changes: PortalSettingsChanges, { container }) => {
    const portal: PortalAccessModuleService = container.resolve(PORTAL_ACCESS_MODULE)
    const before = await portal.getSettings()
    const after = await portal.updatePortalSettings({ id: before.id, ...changes })
    return new StepResponse(after, {
      id: before.id,
      portal_enabled: before.portal_enabled,
      closed_message: before.closed_message,
      dependents_enabled: before.dependents_enabled,
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
