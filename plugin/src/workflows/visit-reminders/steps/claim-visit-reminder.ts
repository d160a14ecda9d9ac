import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { VISIT_REMINDERS_MODULE, type VisitRemindersModuleService } from "../../../modules/visit-reminders"
import type { DueReminder } from "../../../utils/visit-reminders"

export const claimVisitReminderStepId = "claim-visit-reminder"

/**
 * Takes the reminder's row (made on its first try) and counts the try; null when it was sent
 * already. Runs under the job's lock, and the row's unique key stops a second row regardless.
 */
export const claimVisitReminderStep = createStep(
  claimVisitReminderStepId,
  async (input: DueReminder, { container }) => {
    const reminders: VisitRemindersModuleService = container.resolve(VISIT_REMINDERS_MODULE)
    // Workflow input arrives serialised: the start is ISO text again.
    const key = { booking_id: input.booking_id, lead_minutes: input.lead_minutes, starts_at: new Date(input.starts_at) }
    const [row] = await reminders.listVisitReminders(key, { take: 1 })
    if (row?.sent_at) return new StepResponse(null, null)
    if (row) {
      const attempts = row.attempts + 1
      await reminders.updateVisitReminders({ id: row.id, attempts })
      return new StepResponse({ id: row.id, attempts }, { id: row.id, created: false, attempts: row.attempts })
    }
    const created = await reminders.createVisitReminders({ ...key, customer_id: input.customer_id, attempts: 1 })
    return new StepResponse({ id: created.id, attempts: 1 }, { id: created.id, created: true, attempts: 0 })
  },
  async (undo, { container }) => {
    if (!undo) return
    const reminders: VisitRemindersModuleService = container.resolve(VISIT_REMINDERS_MODULE)
    if (undo.created) await reminders.deleteVisitReminders(undo.id)
    else await reminders.updateVisitReminders({ id: undo.id, attempts: undo.attempts })
  }
)
