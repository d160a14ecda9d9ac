import { model } from "@medusajs/framework/utils"

/** A photo or PDF on a message, kept privately by Medusa's File module and read only through the conversation's routes. */
const ConversationAttachment = model
  .define("conversation_attachment", {
    id: model.id({ prefix: "catt" }).primaryKey(),
    conversation_id: model.text(),
    message_id: model.text(),
    file_id: model.text(),
    filename: model.text(),
    mime_type: model.text(),
    size_bytes: model.number(),
  })
  .indexes([{ name: "IDX_conversation_attachment_message", on: ["message_id"], where: "deleted_at IS NULL" }])

export default ConversationAttachment
