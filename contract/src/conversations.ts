// Conversations with the office (issue #21 item 1): the portal's Messages and the admin's Inbox.
// One general conversation per customer, and one per booking, quote, invoice or complaint.

/** What a conversation is about; `general` has no subject id. */
export type ConversationSubjectType = "general" | "booking" | "quote" | "invoice" | "complaint"
export const CONVERSATION_SUBJECT_TYPES: readonly ConversationSubjectType[] = ["general", "booking", "quote", "invoice", "complaint"]

/** Who wrote a message. A `note` is an internal note: staff only, never returned by the store API. */
export type MessageAuthorKind = "customer" | "staff" | "note"

/** The longest message body, in characters; the shortest is 1 (after trimming). */
export const MESSAGE_MAX_LENGTH = 5000
/** At most this many files on one message (each checked by content, within the attachment size limit). */
export const MESSAGE_MAX_FILES = 5

export type MessageAttachment = { id: string; filename: string; mime_type: string; size_bytes: number }

export type ConversationMessage = {
  id: string
  author_kind: MessageAuthorKind
  /** The customer's or staff member's name as shown beside the message. */
  author_name: string
  /** Empty when deleted. */
  body: string
  attachments: MessageAttachment[]
  /** Set when the customer deleted their own message: it stays in place as "Message deleted". */
  deleted_at: string | null
  created_at: string
}

/** One conversation as a row of a list. */
export type ConversationSummary = {
  id: string
  subject_type: ConversationSubjectType
  subject_id: string | null
  /** "General", "Booking BK-1042 · Deep clean", "Invoice INV-0007"… */
  title: string
  /** The portal (store) or admin page of what it is about; null for general. */
  subject_url: string | null
  last_message_preview: string | null
  last_message_at: string | null
  /** Messages the reader (customer or staff) has not read. */
  unread_count: number
}

// --- Store: /store/customers/me/conversations ---------------------------------------------

/** GET /store/customers/me/conversations?offset&limit: newest activity first. */
export type StoreConversationListResponse = { conversations: ConversationSummary[]; count: number; offset: number; limit: number }
/** GET /store/customers/me/conversations/:id (marks it read for the customer). Notes are never included. */
export type StoreConversationResponse = { conversation: ConversationSummary & { messages: ConversationMessage[] } }
/**
 * POST /store/customers/me/conversations: body { subject_type, subject_id? , body } as JSON, or
 * multipart with `files`. Finds or opens the conversation about that subject (the customer's own)
 * and adds the message. Answers 201 with the conversation.
 */
export type StoreConversationStartRequest = { subject_type: ConversationSubjectType; subject_id?: string | null; body: string }
/** POST /store/customers/me/conversations/:id/messages: { body } or multipart with `files`; 201 with the conversation. */
export type StoreMessageCreateRequest = { body: string }
/** DELETE /store/customers/me/conversations/:id/messages/:message_id: the customer's own message only. */
export type StoreMessageDeleteResponse = { id: string; object: "message"; deleted: true }
/** GET /store/customers/me/conversations/unread: for the menu's badge. */
export type StoreConversationUnreadResponse = { unread_count: number }
// GET /store/customers/me/conversations/:id/messages/:message_id/files/:attachment_id streams a file.
// GET /store/customers/me/conversations/stream: server-sent events, `event: message` with data { conversation_id, message_id }.

// --- Admin: /admin/conversations ------------------------------------------------------------

export type AdminConversationFilter = "unassigned" | "mine" | "all"

export type AdminConversationSummary = ConversationSummary & {
  customer: { id: string; name: string; email: string | null }
  assigned_to: { id: string; name: string } | null
}

/** GET /admin/conversations?filter=&unread=true&customer_id=&q=&offset&limit */
export type AdminConversationListResponse = { conversations: AdminConversationSummary[]; count: number; offset: number; limit: number }
/** GET /admin/conversations/:id (marks it read for staff): messages including internal notes. */
export type AdminConversationResponse = { conversation: AdminConversationSummary & { messages: ConversationMessage[] } }
/** POST /admin/conversations/:id/messages: { body, internal? } or multipart with `files`; 201 with the conversation. */
export type AdminMessageCreateRequest = { body: string; internal?: boolean }
/** POST /admin/conversations/:id/assign: { user_id } or { user_id: null } to unassign. */
export type AdminConversationAssignRequest = { user_id: string | null }
/** POST /admin/conversations: staff start a conversation with a customer. */
export type AdminConversationStartRequest = { customer_id: string; subject_type: ConversationSubjectType; subject_id?: string | null; body: string }
/** GET /admin/conversations/unread: staff's unread count for the sidebar. */
export type AdminConversationUnreadResponse = { unread_count: number }
// GET /admin/conversations/stream: server-sent events, `event: message` with data { conversation_id, message_id, customer_id }.
