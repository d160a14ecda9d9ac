import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { NOTIFICATION_TABLE } from "../db/tables"

/**
 * The portal's Notifications page and its unread count walk one customer's feed newest first:
 * an index on Medusa's notification table for exactly that (its own is on receiver_id alone, and
 * holds every email too). A script, as module migrations may run before Medusa's tables exist.
 */
export default async function notificationFeedIndex({ container }: { container: MedusaContainer }) {
  const db = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  await db.raw(
    `CREATE INDEX IF NOT EXISTS "IDX_notification_feed_receiver_created_at" ON ${NOTIFICATION_TABLE} (receiver_id, created_at DESC, id DESC)
      WHERE channel = 'feed' AND deleted_at IS NULL`
  )
}
