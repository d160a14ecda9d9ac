import { createStep, createWorkflow, StepResponse, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { normalLeadHours, VISIT_REMINDERS_MODULE, type VisitRemindersModuleService } from "../../modules/visit-reminders"

export type VisitReminderSettingsChanges = { enabled?: boolean; lead_hours?: number[] }

type Undo = { id: string; created: boolean; enabled?: boolean; lead_hours?: unknown }

export const updateVisitReminderSettingsStepId = "update-visit-reminder-settings"

const updateVisitReminderSettingsStep = createStep(
  updateVisitReminderSettingsStepId,
  async (changes: VisitReminderSettingsChanges, { container }) => {
    const reminders: VisitRemindersModuleService = container.resolve(VISIT_REMINDERS_MODULE)
    const before = await reminders.getSettingsRow()
    const values = {
      ...(changes.enabled !== undefined ? { enabled: changes.enabled } : {}),
      ...(changes.lead_hours ? { lead_hours: normalLeadHours(changes.lead_hours) as unknown as Record<string, unknown> } : {}),
    }
    // The first save makes the row; until then the defaults apply.
    if (!before) {
      const created = await reminders.createVisitReminderSettings(values)
      return new StepResponse(await reminders.getSettings(), { id: created.id, created: true } as Undo)
    }
    await reminders.updateVisitReminderSettings({ id: before.id, ...values })
    return new StepResponse(await reminders.getSettings(), { id: before.id, created: false, enabled: before.enabled, lead_hours: before.lead_hours } as Undo)
  },
  async (previous: Undo | undefined, { container }) => {
    if (!previous) return
    const reminders: VisitRemindersModuleService = container.resolve(VISIT_REMINDERS_MODULE)
    if (previous.created) await reminders.deleteVisitReminderSettings(previous.id)
    else
      await reminders.updateVisitReminderSettings({
        id: previous.id,
        enabled: previous.enabled,
        lead_hours: previous.lead_hours as Record<string, unknown> | null,
      })
  }
)

export const updateVisitReminderSettingsWorkflowId = "visit-reminders-update-settings"

export const updateVisitReminderSettingsWorkflow = createWorkflow(updateVisitReminderSettingsWorkflowId, (changes: VisitReminderSettingsChanges) => {
  return new WorkflowResponse(updateVisitReminderSettingsStep(changes))
})
