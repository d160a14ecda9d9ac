import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { sendNotificationsStep } from "@medusajs/medusa/core-flows"
import type { ActivityActor } from "../customer-profile/activity"
import { recordActivityStep } from "../customer-profile/steps/record-activity"
import { prepareStatementEmailStep } from "./steps/prepare-statement-email"

/** The trigger of a statement email: its history line is written here, naming who sent it. */
export const STATEMENT_EMAIL_TRIGGER = "billing.statement"
export const STATEMENT_EMAIL_TEMPLATE = "account-statement"

export type EmailStatementInput = { customer_id: string; from: string; to: string; actor: ActivityActor }

/**
 * Staff email a customer their account statement with its PDF attached, under the staff member's
 * name (replies go to them). The history line is written first and taken back if sending fails;
 * the email itself is in the communication log either way.
 */
export const emailStatementWorkflow = createWorkflow("email-account-statement", (input: EmailStatementInput) => {
  const email = prepareStatementEmailStep(transform({ input }, ({ input }) => ({ customer_id: input.customer_id, from: input.from, to: input.to })))
  recordActivityStep(
    transform({ input, email }, ({ input, email }) => [
      {
        customer_id: email.customer_id,
        kind: "statement_emailed",
        message: `Account statement for ${email.period_text} emailed to ${email.to} (${email.balance_text}).`,
        data: { notification_id: email.notification_id, from: input.from, to: input.to, email: email.to, balance: email.balance_text },
        actor: input.actor,
      },
    ])
  )
  const sent = sendNotificationsStep(
    transform({ input, email }, ({ input, email }) => [
      {
        id: email.notification_id,
        to: email.to,
        channel: "email",
        template: STATEMENT_EMAIL_TEMPLATE,
        receiver_id: email.customer_id,
        resource_id: email.customer_id,
        resource_type: "customer",
        trigger_type: STATEMENT_EMAIL_TRIGGER,
        data: {
          first_name: email.first_name ?? undefined,
          period_text: email.period_text,
          balance_text: email.balance_text,
          overdue_text: email.overdue_text ?? undefined,
          statement_url: email.statement_url,
          sender_name: input.actor.name || input.actor.email || undefined,
          reply_to: input.actor.email ?? undefined,
          sent_by: input.actor.id ?? undefined,
        },
        attachments: [{ filename: email.filename, content: email.content, content_type: "application/pdf", disposition: "attachment" }],
      },
    ])
  )
  return new WorkflowResponse(transform({ sent, email }, ({ sent, email }) => ({ notification_id: sent[0]?.id ?? email.notification_id, sent_to: email.to })))
})
