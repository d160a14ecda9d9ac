import { createStep, createWorkflow, StepResponse, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { normalLeadHours, VISIT_REMINDERS_MODULE, type VisitRemindersModuleService } from "../../modules/visit-reminders"

export type VisitReminderSettingsChanges = { enabled?: boolean; lead_hours?: number[] }

export const updateVisitReminderSettingsStepId = "update-visit-reminder-settings"

const updateVisitReminderSettingsStep = createStep(
  updateVisitReminderSettingsStepId,
  async (changes: VisitReminderSettingsChanges, { container }) => {
    const reminders: VisitRemindersModuleService = container.resolve(VISIT_REMINDERS_MODULE)
    const before = await reminders.getSettingsRow()
    await reminders.updateVisitReminderSettings({
      id: before.id,
      ...(changes.enabled !== undefined ? { enabled: changes.enabled } : {}),
      ...(changes.lead_hours ? { lead_hours: normalLeadHours(changes.lead_hours) as unknown as Record<string, unknown> } : {}),
    })
    return new StepResponse(await reminders.getSettings(), { id: before.id, enabled: before.enabled, lead_hours: before.lead_hours })
  },
  async (previous, { container }) => {
    if (!previous) return
    const reminders: VisitRemindersModuleService = container.resolve(VISIT_REMINDERS_MODULE)
    await reminders.updateVisitReminderSettings(previous)
  }
)

export const updateVisitReminderSettingsWorkflowId = "visit-reminders-update-settings"

export const updateVisitReminderSettingsWorkflow = createWorkflow(updateVisitReminderSettingsWorkflowId, (changes: VisitReminderSettingsChanges) => {
  return new WorkflowResponse(updateVisitReminderSettingsStep(changes))
})
