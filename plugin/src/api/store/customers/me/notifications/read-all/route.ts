import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { StoreNotificationsReadAllResponse } from "@fieldservice/contract"
import { CUSTOMER_NOTICES_MODULE, type CustomerNoticesModuleService } from "../../../../../../modules/customer-notices"
import { markAllNoticesReadWorkflow } from "../../../../../../workflows/customer-notices/mark-all-notices-read"
import { isoDate } from "../../../../../../utils/json-dates"

/** "Mark all read": everything in the feed so far. */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse<StoreNotificationsReadAllResponse>) {
  const customerId = req.auth_context.actor_id
  const { result } = await markAllNoticesReadWorkflow(req.scope).run({ input: { customer_id: customerId } })
  const notices: CustomerNoticesModuleService = req.scope.resolve(CUSTOMER_NOTICES_MODULE)
  res.json({ read_at: isoDate(result.read_at), unread_count: await notices.unreadCount(customerId) })
}
