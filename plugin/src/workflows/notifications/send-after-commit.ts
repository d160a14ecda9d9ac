import type { CreateNotificationDTO } from "@medusajs/framework/types"
import { emitEventStep } from "@medusajs/medusa/core-flows"

/** The event that carries emails to send once the workflow that asked for them has finished. */
export const EMAILS_REQUESTED = "portal.emails_requested"

export type EmailsRequested = { notifications: CreateNotificationDTO[] }

/**
 * Emails that go out once the workflow has finished, from a subscriber (subscribers/send-requested-emails.ts),
 * instead of from a step inside it: the email provider retries a failing Resend with waits in
 * between, and that must neither hold up the customer's request nor, when Resend stays down,
 * undo the sign-up or invite the email was about. A workflow's events are only emitted when it
 * succeeds, so an undone workflow sends nothing.
 */
export const sendAfterCommitStep = (notifications: EmailsRequested["notifications"]) =>
  emitEventStep({ eventName: EMAILS_REQUESTED, data: { notifications } }).config({ name: "send-emails-after-commit" })
