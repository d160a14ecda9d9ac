import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { DueReminder } from "../../utils/visit-reminders"
import { claimVisitReminderStep } from "./steps/claim-visit-reminder"
import { markVisitReminderSentStep } from "./steps/mark-visit-reminder-sent"
import { sendVisitReminderEmailStep } from "./steps/send-visit-reminder-email"

export const sendVisitReminderWorkflowId = "send-visit-reminder"

export type SendVisitReminderInput = { reminder: DueReminder; now: Date }

/**
 * One visit's reminder, once: its row is claimed, the email sent, and the row marked sent. An
 * email the provider refused leaves the row unsent for the next run; a reminder already sent
 * (a second run) sends nothing.
 */
export const sendVisitReminderWorkflow = createWorkflow(sendVisitReminderWorkflowId, (input: SendVisitReminderInput) => {
  const claim = claimVisitReminderStep(transform({ input }, ({ input }) => input.reminder))
  const email = when({ claim }, ({ claim }) => !!claim).then(() =>
    sendVisitReminderEmailStep(transform({ input, claim }, ({ input, claim }) => ({ reminder: input.reminder, attempt: claim!.attempts, now: input.now })))
  )
  when({ email }, ({ email }) => !!email?.sent).then(() => {
    markVisitReminderSentStep(transform({ input, claim }, ({ input, claim }) => ({ id: claim!.id, at: input.now })))
  })
  return new WorkflowResponse(
    transform({ claim, email }, ({ claim, email }) => ({
      outcome: !claim ? ("sent_already" as const) : email?.sent ? ("sent" as const) : ("failed" as const),
      error: email?.error ?? null,
    }))
  )
})
