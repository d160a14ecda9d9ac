import { model } from "@medusajs/framework/utils"

/**
 * A portal notification the customer opened. Medusa's notification has no read flag, so reads
 * are kept here, keyed by the notification's id (a row of Medusa's Notification module).
 */
const NoticeRead = model
  .define("notice_read", {
    id: model.id({ prefix: "nread" }).primaryKey(),
    customer_id: model.text(),
    notification_id: model.text(),
  })
  .indexes([{ on: ["customer_id", "notification_id"], unique: true, where: "deleted_at IS NULL" }])

export default NoticeRead
