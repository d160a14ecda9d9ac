import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { Modules } from "@medusajs/framework/utils"

/** The customer's portal notifications (booking confirmations, changes), newest first. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const notifications = req.scope.resolve(Modules.NOTIFICATION)
  const list = await notifications.listNotifications({ receiver_id: req.auth_context.actor_id, channel: "feed" }, { order: { created_at: "DESC" }, take: 50 })
  res.json({
    notifications: list.map(({ id, data, created_at, resource_id, resource_type }) => ({ id, ...(data ?? {}), resource_id, resource_type, created_at })),
  })
}
