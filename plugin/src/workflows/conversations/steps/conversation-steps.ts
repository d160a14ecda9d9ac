import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MedusaError } from "@medusajs/framework/utils"
import type { ConversationSubjectType } from "@fieldservice/contract"
import { CONVERSATIONS_MODULE, type ConversationRow, type ConversationsModuleService, type NewMessage } from "../../../modules/conversations"
import type { Bookkeeping } from "../../../modules/conversations/service"
import { subjectTitle } from "../subjects"

export const conversationNotFound = (id: string) => new MedusaError(MedusaError.Types.NOT_FOUND, `Conversation ${id} was not found`)

export type ConversationTarget =
  /** An open conversation; `customer_id` limits it to that customer's (the portal), null for staff. */
  | { conversation_id: string; customer_id: string | null }
  /** The customer's conversation about a subject, opened if there is none yet. */
  | { customer_id: string; subject_type: ConversationSubjectType; subject_id: string | null }

/**
 * Finds the conversation a message goes into, or opens the one about its subject (checked to be
 * the customer's own). A conversation this step opened is removed again if the workflow fails.
 */
export const findOrOpenConversationStep = createStep(
  "find-or-open-conversation",
  async (target: ConversationTarget, { container }) => {
    const conversations: ConversationsModuleService = container.resolve(CONVERSATIONS_MODULE)
    if ("conversation_id" in target) {
      const found = await conversations.getConversation(target.conversation_id, target.customer_id)
      if (!found) throw conversationNotFound(target.conversation_id)
      return new StepResponse(found, null)
    }
    const subjectId = target.subject_type === "general" ? null : (target.subject_id ?? null)
    if (target.subject_type !== "general" && !subjectId) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `Say which ${target.subject_type} the message is about (subject_id), or write a general message.`)
    }
    const existing = await conversations.findConversation(target.customer_id, target.subject_type, subjectId)
    if (existing) return new StepResponse(existing, null)
    const title = await subjectTitle(container, target.customer_id, target.subject_type, subjectId)
    const { conversation, created } = await conversations.openConversation({
      customer_id: target.customer_id,
      subject_type: target.subject_type,
      subject_id: subjectId,
      title,
    })
    return new StepResponse(conversation, created ? conversation.id : null)
  },
  async (createdId, { container }) => {
    if (!createdId) return
    const conversations: ConversationsModuleService = container.resolve(CONVERSATIONS_MODULE)
    await conversations.deleteConversations(createdId)
  }
)

/** Saves the message and its files' rows, and the conversation's unread and email bookkeeping; all put back if the workflow fails. */
export const recordMessageStep = createStep(
  "record-conversation-message",
  async (input: NewMessage, { container }) => {
    const conversations: ConversationsModuleService = container.resolve(CONVERSATIONS_MODULE)
    const { message, before } = await conversations.recordMessage(input)
    return new StepResponse(message, { message_id: message.id, conversation_id: input.conversation_id, before })
  },
  async (undo, { container }) => {
    if (!undo) return
    const conversations: ConversationsModuleService = container.resolve(CONVERSATIONS_MODULE)
    await conversations.unrecordMessage(undo.message_id, undo.conversation_id, undo.before)
  }
)

/** The customer deletes their own message: shown as deleted, body emptied, files' rows removed (the files themselves go last). */
export const removeCustomerMessageStep = createStep(
  "remove-customer-message",
  async (input: { conversation_id: string; message_id: string; customer_id: string }, { container }) => {
    const conversations: ConversationsModuleService = container.resolve(CONVERSATIONS_MODULE)
    const removed = await conversations.removeCustomerMessage(input.conversation_id, input.message_id, input.customer_id)
    if (!removed) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Message ${input.message_id} was not found`)
    if (removed.already) return new StepResponse({ file_ids: [] as string[] }, null)
    return new StepResponse({ file_ids: removed.file_ids }, { ...removed, conversation_id: input.conversation_id })
  },
  async (undo, { container }) => {
    if (!undo) return
    const conversations: ConversationsModuleService = container.resolve(CONVERSATIONS_MODULE)
    await conversations.unremoveCustomerMessage(undo)
  }
)

/** The reader (customer or staff) has seen the conversation; put back if the workflow fails. */
export const markConversationReadStep = createStep(
  "mark-conversation-read",
  async (input: { conversation: ConversationRow; reader: "customer" | "staff" }, { container }) => {
    const conversations: ConversationsModuleService = container.resolve(CONVERSATIONS_MODULE)
    const before = await conversations.markRead(input.conversation.id, input.reader, new Date())
    return new StepResponse(null, before ? { id: input.conversation.id, before } : null)
  },
  async (undo, { container }) => {
    if (!undo) return
    const conversations: ConversationsModuleService = container.resolve(CONVERSATIONS_MODULE)
    await conversations.restoreBookkeeping(undo.id, undo.before as Partial<Bookkeeping>)
  }
)

/** Gives the conversation to a staff member (or nobody); put back if the workflow fails. */
export const assignConversationStep = createStep(
  "assign-conversation",
  async (input: { conversation_id: string; user_id: string | null }, { container }) => {
    const conversations: ConversationsModuleService = container.resolve(CONVERSATIONS_MODULE)
    const assigned = await conversations.assign(input.conversation_id, input.user_id)
    if (!assigned) throw conversationNotFound(input.conversation_id)
    return new StepResponse(null, { id: input.conversation_id, previous: assigned.previous })
  },
  async (undo, { container }) => {
    if (!undo) return
    const conversations: ConversationsModuleService = container.resolve(CONVERSATIONS_MODULE)
    await conversations.assign(undo.id, undo.previous)
  }
)
