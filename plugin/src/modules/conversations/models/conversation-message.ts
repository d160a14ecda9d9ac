import { model } from "@medusajs/framework/utils"

/**
 * One message: the customer's, a staff reply, or an internal note (staff only). A message the
 * customer deleted keeps its row and place, with its body emptied and `removed_at` set (Medusa's
 * own deleted_at would hide the row from every list).
 */
const ConversationMessage = model
  .define("conversation_message", {
    id: model.id({ prefix: "cmsg" }).primaryKey(),
    conversation_id: model.text(),
    author_kind: model.enum(["customer", "staff", "note"]),
    /** The customer's or the staff user's id. */
    author_id: model.text().nullable(),
    author_name: model.text(),
    body: model.text(),
    removed_at: model.dateTime().nullable(),
  })
  .indexes([
    // Opening a conversation: its messages in order.
    { name: "IDX_conversation_message_conversation", on: ["conversation_id", "created_at", "id"], where: "deleted_at IS NULL" },
  ])

export default ConversationMessage
