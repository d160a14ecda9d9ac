import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { Modules } from "@medusajs/framework/utils"
import { isoDate } from "../../../../../utils/json-dates"
import type { StoreNotification, StoreNotificationListResponse } from "@fieldservice/contract"

type FeedNotice = Pick<StoreNotification, "title" | "message" | "url">

/** The customer's portal notifications (booking confirmations, changes), newest first. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse<StoreNotificationListResponse>) {
  const notifications = req.scope.resolve(Modules.NOTIFICATION)
  const list = await notifications.listNotifications({ receiver_id: req.auth_context.actor_id, channel: "feed" }, { order: { created_at: "DESC" }, take: 50 })
  res.json({
    notifications: list.map(({ id, data, created_at, resource_id, resource_type }) => ({
      id,
      // The module types data only as an object; on the feed channel it is the subscribers' title, message and url.
      ...((data ?? {}) as FeedNotice),
      resource_id: resource_id ?? null,
      resource_type: resource_type ?? null,
      created_at: isoDate(created_at),
    })),
  })
}
