import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { StoreNotificationListResponse } from "@fieldservice/contract"
import { CUSTOMER_NOTICES_MODULE, type CustomerNoticesModuleService } from "../../../../../modules/customer-notices"
import { presentNotice } from "./helpers"
import type { StoreGetNotificationsParamsType } from "./validators"

/** The customer's portal notifications (bookings, quotes, invoices, messages), newest first, with what is unread. */
export async function GET(req: AuthenticatedMedusaRequest<unknown, StoreGetNotificationsParamsType>, res: MedusaResponse<StoreNotificationListResponse>) {
  const notices: CustomerNoticesModuleService = req.scope.resolve(CUSTOMER_NOTICES_MODULE)
  const { limit, offset } = req.validatedQuery as StoreGetNotificationsParamsType
  const { rows, count, unread } = await notices.listFeed(req.auth_context.actor_id, { limit, offset })
  res.json({ notifications: rows.map(presentNotice), count, offset, limit, unread_count: unread })
}
