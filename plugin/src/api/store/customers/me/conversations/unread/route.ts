import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { StoreConversationUnreadResponse } from "@fieldservice/contract"
import { CONVERSATIONS_MODULE, type ConversationsModuleService } from "../../../../../../modules/conversations"

/** How many of the office's messages the customer hasn't read, for the menu's badge. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse<StoreConversationUnreadResponse>) {
  const conversations: ConversationsModuleService = req.scope.resolve(CONVERSATIONS_MODULE)
  res.json({ unread_count: await conversations.unreadCount({ customer_id: req.auth_context.actor_id }) })
}
