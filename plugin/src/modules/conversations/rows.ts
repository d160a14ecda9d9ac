import { generateEntityId } from "@medusajs/framework/utils"
import type { AdminConversationFilter, ConversationMessage, ConversationSubjectType, MessageAuthorKind } from "@fieldservice/contract"

/** How much of the last message the lists show. */
export const PREVIEW_LENGTH = 140

export const newId = (prefix: string) => generateEntityId(undefined, prefix)

export type ConversationRow = {
  id: string
  customer_id: string
  subject_type: ConversationSubjectType
  subject_id: string | null
  title: string
  assigned_user_id: string | null
  last_message_at: Date | null
  last_message_preview: string | null
  customer_unread_count: number
  staff_unread_count: number
  customer_last_read_at: Date | null
  staff_last_read_at: Date | null
  customer_email_due_since: Date | null
  staff_email_due_since: Date | null
  created_at: Date
}

export type MessageRow = ConversationMessage & { conversation_id: string; author_id: string | null }

export type NewMessage = {
  conversation_id: string
  author_kind: MessageAuthorKind
  author_id: string | null
  author_name: string
  body: string
  attachments: { file_id: string; filename: string; mime_type: string; size_bytes: number }[]
}

export type InboxQuery = {
  filter: AdminConversationFilter
  user_id: string
  unread?: boolean
  customer_id?: string
  q?: string
  /** Customers whose name or email matched `q` (through the customer directory's index). */
  matched_customer_ids?: string[]
  offset: number
  limit: number
}

const date = (value: unknown) => (value === null || value === undefined ? null : new Date(value as string))

export function toConversation(row: Record<string, unknown>): ConversationRow {
  return {
    id: String(row.id),
    customer_id: String(row.customer_id),
    subject_type: row.subject_type as ConversationSubjectType,
    subject_id: (row.subject_id as string | null) ?? null,
    title: String(row.title),
    assigned_user_id: (row.assigned_user_id as string | null) ?? null,
    last_message_at: date(row.last_message_at),
    last_message_preview: (row.last_message_preview as string | null) ?? null,
    customer_unread_count: Number(row.customer_unread_count ?? 0),
    staff_unread_count: Number(row.staff_unread_count ?? 0),
    customer_last_read_at: date(row.customer_last_read_at),
    staff_last_read_at: date(row.staff_last_read_at),
    customer_email_due_since: date(row.customer_email_due_since),
    staff_email_due_since: date(row.staff_email_due_since),
    created_at: date(row.created_at)!,
  }
}

export function toMessage(row: Record<string, unknown>, attachments: Record<string, unknown>[]): MessageRow {
  return {
    id: String(row.id),
    conversation_id: String(row.conversation_id),
    author_kind: row.author_kind as MessageAuthorKind,
    author_id: (row.author_id as string | null) ?? null,
    author_name: String(row.author_name),
    body: String(row.body ?? ""),
    attachments: attachments
      .filter((file) => file.message_id === row.id)
      .map((file) => ({ id: String(file.id), filename: String(file.filename), mime_type: String(file.mime_type), size_bytes: Number(file.size_bytes) })),
    deleted_at: row.removed_at ? date(row.removed_at)!.toISOString() : null,
    created_at: date(row.created_at)!.toISOString(),
  }
}
