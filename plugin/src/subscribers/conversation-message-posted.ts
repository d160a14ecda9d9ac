import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { CONVERSATIONS_MODULE, type ConversationsModuleService, PREVIEW_LENGTH } from "../modules/conversations"
import { PORTAL_ACCESS_MODULE, type PortalAccessModuleService } from "../modules/portal-access"
import { broadcastMessagePosted } from "../utils/conversation-broadcast"
import { noticeCustomer } from "../utils/customer-notices"
import { CONVERSATION_MESSAGE_POSTED, type ConversationMessagePosted } from "../workflows/conversations/conversation-writes"

/**
 * A new message reaches the open Messages and Inbox pages at once (every instance's, through Redis
 * when there are several). A staff reply is also a portal notification for the customer
 * ("message received", Settings → Customer portal); its email is the away-email job's.
 */
export default async function conversationMessagePosted({ event: { data }, container }: SubscriberArgs<ConversationMessagePosted>) {
  await broadcastMessagePosted(
    { conversation_id: data.conversation_id, message_id: data.message_id, customer_id: data.customer_id },
    container.resolve(ContainerRegistrationKeys.LOGGER)
  )
  if (data.author_kind !== "staff") return
  const conversations: ConversationsModuleService = container.resolve(CONVERSATIONS_MODULE)
  const portal: PortalAccessModuleService = container.resolve(PORTAL_ACCESS_MODULE)
  const [conversation, message] = await Promise.all([
    conversations.retrieveConversation(data.conversation_id),
    conversations.retrieveConversationMessage(data.message_id),
  ])
  const text = message.body.replace(/\s+/g, " ").trim()
  await noticeCustomer(container, {
    event: "message_received",
    customer_id: data.customer_id,
    title: `New message from ${portal.businessName}`,
    message: `${conversation.title}: ${text.length > PREVIEW_LENGTH ? `${text.slice(0, PREVIEW_LENGTH - 1)}…` : text || "A file was sent."}`,
    url: `/messages/${data.conversation_id}`,
    resource_type: "conversation",
    resource_id: data.conversation_id,
    trigger_type: CONVERSATION_MESSAGE_POSTED,
    idempotency_key: `message-received:${data.message_id}`,
  })
}

export const config: SubscriberConfig = { event: CONVERSATION_MESSAGE_POSTED }
