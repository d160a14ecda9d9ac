import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { AdminConversationUnreadResponse } from "@fieldservice/contract"
import { CONVERSATIONS_MODULE, type ConversationsModuleService } from "../../../../modules/conversations"

/** Customers' messages no staff member has read yet, for the sidebar's badge. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminConversationUnreadResponse>) {
  const conversations: ConversationsModuleService = req.scope.resolve(CONVERSATIONS_MODULE)
  res.json({ unread_count: await conversations.unreadCount("staff") })
}
