import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { StoreNotificationUnreadCountResponse } from "@fieldservice/contract"
import { CUSTOMER_NOTICES_MODULE, type CustomerNoticesModuleService } from "../../../../../../modules/customer-notices"

/** The number on the portal's bell. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse<StoreNotificationUnreadCountResponse>) {
  const notices: CustomerNoticesModuleService = req.scope.resolve(CUSTOMER_NOTICES_MODULE)
  res.json({ unread_count: await notices.unreadCount(req.auth_context.actor_id) })
}
