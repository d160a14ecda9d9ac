import { randomUUID } from "node:crypto"
import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { deleteFilesStep, emitEventStep, uploadFilesStep } from "@medusajs/medusa/core-flows"
import type { MessageAuthorKind } from "@fieldservice/contract"
import type { AttachmentFile } from "../booking/add-booking-attachment"
import type { ActivityActor } from "../customer-profile/activity"
import { recordActivityStep, type ActivityEntry } from "../customer-profile/steps/record-activity"
import {
  assignConversationStep,
  type ConversationTarget,
  findOrOpenConversationStep,
  markConversationReadStep,
  recordMessageStep,
  removeCustomerMessageStep,
} from "./steps/conversation-steps"

/** Emitted after a customer's or staff member's message is saved (not for internal notes). */
export const CONVERSATION_MESSAGE_POSTED = "conversation.message_posted"

export type ConversationMessagePosted = {
  conversation_id: string
  message_id: string
  customer_id: string
  author_kind: "customer" | "staff"
  subject_type: string
  subject_id: string | null
}

export type PostMessageInput = {
  target: ConversationTarget
  author: { kind: MessageAuthorKind; id: string | null; name: string }
  /** Who wrote it, for the customer's history (staff: name and email). */
  actor: ActivityActor
  body: string
  files: AttachmentFile[]
}

const quoted = (body: string) => {
  const line = body.replace(/\s+/g, " ").trim()
  return line.length > 80 ? `${line.slice(0, 79)}…` : line
}

/**
 * Posts a message (the customer's, a staff reply or an internal note), opening the conversation
 * about its subject first when needed. Files are stored privately through the File module (and
 * deleted again if a later step fails). A customer's or staff message adds a line to the
 * customer's history and emits conversation.message_posted (live updates, away emails); a note does neither.
 */
export const postConversationMessageWorkflow = createWorkflow("post-conversation-message", (input: PostMessageInput) => {
  const conversation = findOrOpenConversationStep(transform({ input }, ({ input }) => input.target))
  const files = transform({ input }, ({ input }) => ({
    files: input.files.map((file) => ({
      filename: `message-${randomUUID()}.${file.extension}`,
      mimeType: file.mimeType,
      content: file.content,
      access: "private" as const,
    })),
  }))
  const uploaded = when({ files }, ({ files }) => files.files.length > 0).then(() => uploadFilesStep(files))
  const message = recordMessageStep(
    transform({ input, conversation, uploaded }, ({ input, conversation, uploaded }) => ({
      conversation_id: conversation.id,
      author_kind: input.author.kind,
      author_id: input.author.id,
      author_name: input.author.name,
      body: input.body.trim(),
      attachments: input.files.map((file, index) => ({
        file_id: (uploaded ?? [])[index].id,
        filename: file.filename,
        mime_type: file.mimeType,
        size_bytes: file.size,
      })),
    }))
  )
  const activity = transform({ input, conversation, message }, ({ input, conversation, message }): ActivityEntry[] =>
    input.author.kind === "note"
      ? []
      : [
          {
            customer_id: conversation.customer_id,
            kind: input.author.kind === "customer" ? "message_sent" : "message_received",
            message:
              input.author.kind === "customer"
                ? `Sent a message (${conversation.title}): “${quoted(message.body)}”`
                : `${input.author.name} replied (${conversation.title}): “${quoted(message.body)}”`,
            data: { conversation_id: conversation.id, message_id: message.id, subject_type: conversation.subject_type, subject_id: conversation.subject_id },
            actor: input.actor,
          },
        ]
  )
  recordActivityStep(activity)
  when({ input }, ({ input }) => input.author.kind !== "note").then(() => {
    emitEventStep({
      eventName: CONVERSATION_MESSAGE_POSTED,
      data: transform({ input, conversation, message }, ({ input, conversation, message }) => ({
        conversation_id: conversation.id,
        message_id: message.id,
        customer_id: conversation.customer_id,
        author_kind: input.author.kind,
        subject_type: conversation.subject_type,
        subject_id: conversation.subject_id,
      })),
    })
  })
  return new WorkflowResponse(transform({ conversation, message }, ({ conversation, message }) => ({ conversation_id: conversation.id, message })))
})

/** The customer deletes their own message: it stays in place as "Message deleted", its files are deleted last (they can't come back). */
export const deleteCustomerMessageWorkflow = createWorkflow(
  "delete-customer-message",
  (input: { conversation_id: string; message_id: string; customer_id: string }) => {
    const removed = removeCustomerMessageStep(input)
    when({ removed }, ({ removed }) => removed.file_ids.length > 0).then(() => {
      deleteFilesStep(transform({ removed }, ({ removed }) => removed.file_ids))
    })
    return new WorkflowResponse(transform({ input }, ({ input }) => ({ id: input.message_id })))
  }
)

/** The reader opened the conversation: their side has nothing unread and no email is due. */
export const markConversationReadWorkflow = createWorkflow(
  "mark-conversation-read",
  (input: { conversation_id: string; customer_id: string | null; reader: "customer" | "staff" }) => {
    const conversation = findOrOpenConversationStep(
      transform({ input }, ({ input }) => ({ conversation_id: input.conversation_id, customer_id: input.customer_id }))
    )
    markConversationReadStep(transform({ input, conversation }, ({ input, conversation }) => ({ conversation, reader: input.reader })))
    return new WorkflowResponse(conversation)
  }
)

/** Staff give the conversation to one of them, or to nobody (back to "Unassigned"). */
export const assignConversationWorkflow = createWorkflow("assign-conversation", (input: { conversation_id: string; user_id: string | null }) => {
  assignConversationStep(input)
  return new WorkflowResponse(transform({ input }, ({ input }) => ({ id: input.conversation_id })))
})
