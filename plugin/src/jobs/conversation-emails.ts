import type { MedusaContainer } from "@medusajs/framework/types"
import { type ConversationEmailResult, sendConversationEmails } from "../utils/conversation-emails"
import { withJobLock } from "../utils/job-lock"

/** Emails about messages unread for five minutes (utils/conversation-emails.ts); one run at a time across instances. */
export async function conversationEmails(container: MedusaContainer, now: Date = new Date()): Promise<ConversationEmailResult> {
  return withJobLock(container, "conversation-emails", () => sendConversationEmails(container, now))
}

export default async function conversationEmailsJob(container: MedusaContainer) {
  await conversationEmails(container)
}

export const config = { name: "conversation-emails", schedule: "* * * * *" }
