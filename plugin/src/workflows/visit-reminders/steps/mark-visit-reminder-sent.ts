import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { VISIT_REMINDERS_MODULE, type VisitRemindersModuleService } from "../../../modules/visit-reminders"

export const markVisitReminderSentStepId = "mark-visit-reminder-sent"

export const markVisitReminderSentStep = createStep(
  markVisitReminderSentStepId,
  async (input: { id: string; at: Date }, { container }) => {
    const reminders: VisitRemindersModuleService = container.resolve(VISIT_REMINDERS_MODULE)
    await reminders.updateVisitReminders({ id: input.id, sent_at: new Date(input.at) })
    return new StepResponse(input.id, input.id)
  },
  async (id, { container }) => {
    if (!id) return
    const reminders: VisitRemindersModuleService = container.resolve(VISIT_REMINDERS_MODULE)
    await reminders.updateVisitReminders({ id, sent_at: null })
  }
)
