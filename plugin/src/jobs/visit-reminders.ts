import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { withJobLock } from "../utils/job-lock"
import { dueVisitReminders } from "../utils/visit-reminders"
import { sendVisitReminderWorkflow } from "../workflows/visit-reminders/send-visit-reminder"

const PER_RUN = 500

export type VisitRemindersResult = { sent: string[]; failed: number }

/**
 * Emails the reminders whose time has come (Settings → Customer portal → Visit reminders), each
 * once per visit, lead time and start: rows in `visit_reminder` remember what went, so a restart,
 * a second server or a second run sends nothing again, and a moved visit gets reminders for its
 * new time. `now` pins the clock (tests). One run at a time, across servers.
 */
export async function sendVisitReminders(container: MedusaContainer, now = new Date()): Promise<VisitRemindersResult> {
  return withJobLock(container, "visit-reminders", async () => {
    const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
    const result: VisitRemindersResult = { sent: [], failed: 0 }
    for (const reminder of await dueVisitReminders(container, now, PER_RUN)) {
      try {
        const { result: outcome } = await sendVisitReminderWorkflow(container).run({ input: { reminder, now } })
        if (outcome.outcome === "sent") result.sent.push(`${reminder.booking_id}:${reminder.lead_minutes}`)
        if (outcome.outcome === "failed") result.failed++
      } catch (error) {
        result.failed++
        logger.error(`Visit reminders: ${reminder.booking_id} failed: ${(error as Error).message}`)
      }
    }
    if (result.sent.length) logger.info(`Visit reminders: ${result.sent.length} sent`)
    return result
  })
}

export default async function visitRemindersJob(container: MedusaContainer) {
  // The tests run it themselves with a pinned clock; the server's own schedule would send mid-test.
  if (process.env.VISIT_REMINDERS_SCHEDULED === "false") return
  await sendVisitReminders(container)
}

// Every five minutes: a reminder goes at most five minutes after its time.
export const config = { name: "visit-reminders", schedule: "*/5 * * * *" }
