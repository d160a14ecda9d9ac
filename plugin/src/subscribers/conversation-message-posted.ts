import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { broadcastMessagePosted } from "../utils/conversation-broadcast"
import { CONVERSATION_MESSAGE_POSTED, type ConversationMessagePosted } from "../workflows/conversations/conversation-writes"

/** A new message reaches the open Messages and Inbox pages at once (every instance's, through Redis when there are several). */
export default async function conversationMessagePosted({ event: { data }, container }: SubscriberArgs<ConversationMessagePosted>) {
  await broadcastMessagePosted(
    { conversation_id: data.conversation_id, message_id: data.message_id, customer_id: data.customer_id },
    container.resolve(ContainerRegistrationKeys.LOGGER)
  )
}

export const config: SubscriberConfig = { event: CONVERSATION_MESSAGE_POSTED }
