import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { type DueReminder, visitReminderNotification } from "../../../utils/visit-reminders"

export const sendVisitReminderEmailStepId = "send-visit-reminder-email"

/**
 * Sends the email through Medusa's Notification module. A refusal from the email provider is an
 * answer, not a fault: the row stays unsent and the job's next run tries again, with a new
 * idempotency key per try (Medusa keeps the failed email in the history under the old one).
 */
export const sendVisitReminderEmailStep = createStep(
  sendVisitReminderEmailStepId,
  async (input: { reminder: DueReminder; attempt: number; now: Date }, { container }) => {
    const notification = await visitReminderNotification(container, input.reminder, new Date(input.now))
    try {
      await container
        .resolve(Modules.NOTIFICATION)
        .createNotifications({ ...notification, idempotency_key: `${notification.idempotency_key}#${input.attempt}` })
      return new StepResponse({ sent: true, error: null as string | null })
    } catch (error) {
      const message = (error as Error).message
      container.resolve(ContainerRegistrationKeys.LOGGER).warn(`Visit reminder ${notification.idempotency_key} not sent (try ${input.attempt}): ${message}`)
      return new StepResponse({ sent: false, error: message })
    }
  }
)
