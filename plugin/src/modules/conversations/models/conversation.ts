import { model } from "@medusajs/framework/utils"

/**
 * A conversation between one customer and the office: their general one (one per customer), or
 * one about a booking, quote, invoice or complaint (one per subject). The last message and both
 * sides' unread counts are kept on the row, so the staff inbox and the portal's list read one
 * table through one index, however many messages there are.
 */
const Conversation = model
  .define("conversation", {
    id: model.id({ prefix: "conv" }).primaryKey(),
    customer_id: model.text(),
    subject_type: model.enum(["general", "booking", "quote", "invoice", "complaint"]),
    subject_id: model.text().nullable(),
    /** "General", "Booking BK-1042 · Deep clean": fixed when the conversation opens. */
    title: model.text(),
    assigned_user_id: model.text().nullable(),
    last_message_at: model.dateTime().nullable(),
    last_message_preview: model.text().nullable(),
    /** Staff messages the customer has not read, and customer messages no staff member has read. */
    customer_unread_count: model.number().default(0),
    staff_unread_count: model.number().default(0),
    customer_last_read_at: model.dateTime().nullable(),
    staff_last_read_at: model.dateTime().nullable(),
    /** The first unread message not yet emailed about (null: nothing to email), for the away-email job. */
    customer_email_due_since: model.dateTime().nullable(),
    staff_email_due_since: model.dateTime().nullable(),
  })
  .indexes([
    // One general conversation per customer; one per subject.
    { name: "IDX_conversation_general_unique", on: ["customer_id"], unique: true, where: "subject_type = 'general' AND deleted_at IS NULL" },
    { name: "IDX_conversation_subject_unique", on: ["subject_type", "subject_id"], unique: true, where: "subject_id IS NOT NULL AND deleted_at IS NULL" },
    // Inbox pages, newest activity first: all, unassigned, mine, unread, one customer's (the portal's list too).
    { name: "IDX_conversation_inbox", on: ["last_message_at", "id"], where: "deleted_at IS NULL" },
    { name: "IDX_conversation_unassigned", on: ["last_message_at", "id"], where: "assigned_user_id IS NULL AND deleted_at IS NULL" },
    { name: "IDX_conversation_assigned", on: ["assigned_user_id", "last_message_at", "id"], where: "deleted_at IS NULL" },
    { name: "IDX_conversation_staff_unread", on: ["last_message_at", "id"], where: "staff_unread_count > 0 AND deleted_at IS NULL" },
    { name: "IDX_conversation_customer", on: ["customer_id", "last_message_at", "id"], where: "deleted_at IS NULL" },
    // The away-email job's two queues.
    { name: "IDX_conversation_customer_email_due", on: ["customer_email_due_since"], where: "customer_email_due_since IS NOT NULL AND deleted_at IS NULL" },
    { name: "IDX_conversation_staff_email_due", on: ["staff_email_due_since"], where: "staff_email_due_since IS NOT NULL AND deleted_at IS NULL" },
  ])

export default Conversation
