import { model } from "@medusajs/framework/utils"

/** "Mark all read": every notification made up to `read_at` counts as read, one row per customer. */
const NoticesReadUpTo = model
  .define("notices_read_up_to", {
    id: model.id({ prefix: "nrall" }).primaryKey(),
    customer_id: model.text(),
    read_at: model.dateTime(),
  })
  .indexes([{ on: ["customer_id"], unique: true, where: "deleted_at IS NULL" }])

export default NoticesReadUpTo
