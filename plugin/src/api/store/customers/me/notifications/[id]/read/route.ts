import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import type { StoreNotificationResponse } from "@fieldservice/contract"
import { CUSTOMER_NOTICES_MODULE, type CustomerNoticesModuleService } from "../../../../../../../modules/customer-notices"
import { markNoticeReadWorkflow } from "../../../../../../../workflows/customer-notices/mark-notice-read"
import { presentNotice } from "../../helpers"

/** The customer opened a notification: it is read. Someone else's (or none) is not found. */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse<StoreNotificationResponse>) {
  const customerId = req.auth_context.actor_id
  const notices: CustomerNoticesModuleService = req.scope.resolve(CUSTOMER_NOTICES_MODULE)
  const notice = await notices.retrieveFeedNotice(customerId, req.params.id)
  if (!notice) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Notification ${req.params.id} was not found`)
  if (!notice.read_at) await markNoticeReadWorkflow(req.scope).run({ input: { customer_id: customerId, notification_id: notice.id } })
  const read = (await notices.retrieveFeedNotice(customerId, notice.id)) ?? notice
  res.json({ notification: presentNotice(read), unread_count: await notices.unreadCount(customerId) })
}
