import type { Context } from "@medusajs/framework/types"
import { InjectManager, InjectTransactionManager, MedusaContext, MedusaService } from "@medusajs/framework/utils"
import { escapeLike, sqlManager } from "../../utils/sql-manager"
import Conversation from "./models/conversation"
import ConversationAttachment from "./models/conversation-attachment"
import ConversationMessage from "./models/conversation-message"
import { newId, type ConversationRow, type InboxQuery, type MessageRow, type NewMessage, PREVIEW_LENGTH, toConversation, toMessage } from "./rows"

/** The conversation columns a posted message changes, kept so the post can be undone. */
const BOOKKEEPING = [
  "last_message_at",
  "last_message_preview",
  "customer_unread_count",
  "staff_unread_count",
  "customer_last_read_at",
  "staff_last_read_at",
  "customer_email_due_since",
  "staff_email_due_since",
] as const
export type Bookkeeping = Record<(typeof BOOKKEEPING)[number], unknown>

const ORDER = `c.last_message_at DESC NULLS LAST, c.id DESC`

class ConversationsModuleService extends MedusaService({ Conversation, ConversationMessage, ConversationAttachment }) {
  /** The customer's conversation about a subject (general: subject_id null), if it is open. */
  @InjectManager()
  async findConversation(customerId: string, subjectType: string, subjectId: string | null, @MedusaContext() sharedContext: Context = {}) {
    const rows = await sqlManager(sharedContext).execute(
      subjectId === null
        ? `SELECT * FROM conversation c WHERE customer_id = ? AND subject_type = 'general' AND deleted_at IS NULL`
        : `SELECT * FROM conversation c WHERE subject_type = ? AND subject_id = ? AND customer_id = ? AND deleted_at IS NULL`,
      subjectId === null ? [customerId] : [subjectType, subjectId, customerId]
    )
    return rows[0] ? toConversation(rows[0]) : null
  }

  /** One conversation, only if it is this customer's (null otherwise: the caller answers 404 either way). */
  @InjectManager()
  async getConversation(id: string, customerId: string | null, @MedusaContext() sharedContext: Context = {}): Promise<ConversationRow | null> {
    const rows = await sqlManager(sharedContext).execute(
      `SELECT * FROM conversation c WHERE id = ? AND deleted_at IS NULL ${customerId ? "AND customer_id = ?" : ""}`,
      customerId ? [id, customerId] : [id]
    )
    return rows[0] ? toConversation(rows[0]) : null
  }

  /**
   * Opens the customer's conversation about a subject, or finds the one already open: two
   * requests racing meet at the unique index, and the second finds the first's. `created` says
   * whether this call made it (so an undone workflow removes only what it made).
   */
  @InjectTransactionManager()
  async openConversation(
    input: { customer_id: string; subject_type: string; subject_id: string | null; title: string },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ conversation: ConversationRow; created: boolean }> {
    const manager = sqlManager(sharedContext)
    const inserted = await manager.execute(
      `INSERT INTO conversation (id, customer_id, subject_type, subject_id, title) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING RETURNING *`,
      [newId("conv"), input.customer_id, input.subject_type, input.subject_id, input.title]
    )
    if (inserted[0]) return { conversation: toConversation(inserted[0]), created: true }
    const found = await this.findConversation(input.customer_id, input.subject_type, input.subject_id, sharedContext)
    if (!found) throw new Error("The conversation could not be opened: its subject has a conversation with another customer")
    return { conversation: found, created: false }
  }

  /**
   * Saves a message and its files, and moves the conversation's bookkeeping in the same
   * statement batch: the writer has read everything (their side's unread count goes to 0), the
   * other side has one more unread and an email falls due. A note changes only the staff side.
   */
  @InjectTransactionManager()
  async recordMessage(input: NewMessage, @MedusaContext() sharedContext: Context = {}): Promise<{ message: MessageRow; before: Bookkeeping }> {
    const manager = sqlManager(sharedContext)
    const [before] = await manager.execute(`SELECT ${BOOKKEEPING.join(", ")} FROM conversation WHERE id = ? FOR UPDATE`, [input.conversation_id])
    const [row] = await manager.execute(
      `INSERT INTO conversation_message (id, conversation_id, author_kind, author_id, author_name, body) VALUES (?, ?, ?, ?, ?, ?) RETURNING *`,
      [newId("cmsg"), input.conversation_id, input.author_kind, input.author_id, input.author_name, input.body]
    )
    for (const file of input.attachments) {
      await manager.execute(
        `INSERT INTO conversation_attachment (id, conversation_id, message_id, file_id, filename, mime_type, size_bytes) VALUES (?, ?, ?, ?, ?, ?, ?)`,
        [newId("catt"), input.conversation_id, row.id, file.file_id, file.filename, file.mime_type, file.size_bytes]
      )
    }
    const preview = input.body.replace(/\s+/g, " ").trim().slice(0, PREVIEW_LENGTH)
    const at = row.created_at
    const sets =
      input.author_kind === "customer"
        ? `staff_unread_count = staff_unread_count + 1, staff_email_due_since = COALESCE(staff_email_due_since, ?::timestamptz),
           customer_unread_count = 0, customer_email_due_since = NULL, customer_last_read_at = ?::timestamptz`
        : input.author_kind === "staff"
          ? `customer_unread_count = customer_unread_count + 1, customer_email_due_since = COALESCE(customer_email_due_since, ?::timestamptz),
           staff_unread_count = 0, staff_email_due_since = NULL, staff_last_read_at = ?::timestamptz`
          : null
    if (sets) {
      await manager.execute(`UPDATE conversation SET last_message_at = ?::timestamptz, last_message_preview = ?, ${sets}, updated_at = now() WHERE id = ?`, [
        at,
        preview,
        at,
        at,
        input.conversation_id,
      ])
    }
    const attachments = await this.attachmentsOf([row.id as string], sharedContext)
    return { message: toMessage(row, attachments), before: before as Bookkeeping }
  }

  /** Undoes recordMessage: the message and its files' rows go, the conversation's bookkeeping is put back. */
  @InjectTransactionManager()
  async unrecordMessage(messageId: string, conversationId: string, before: Bookkeeping, @MedusaContext() sharedContext: Context = {}) {
    const manager = sqlManager(sharedContext)
    await manager.execute(`DELETE FROM conversation_attachment WHERE message_id = ?`, [messageId])
    await manager.execute(`DELETE FROM conversation_message WHERE id = ?`, [messageId])
    await this.restoreBookkeeping(conversationId, before, sharedContext)
  }

  @InjectTransactionManager()
  async restoreBookkeeping(conversationId: string, before: Partial<Bookkeeping>, @MedusaContext() sharedContext: Context = {}) {
    const keys = Object.keys(before)
    if (!keys.length) return
    await sqlManager(sharedContext).execute(`UPDATE conversation SET ${keys.map((key) => `${key} = ?`).join(", ")} WHERE id = ?`, [
      ...keys.map((key) => before[key as keyof Bookkeeping]),
      conversationId,
    ])
  }

  /**
   * The customer deletes their own message: its body is emptied and its files' rows removed
   * (the caller deletes the stored files last). Null when it is not theirs or already deleted.
   */
  @InjectTransactionManager()
  async removeCustomerMessage(conversationId: string, messageId: string, customerId: string, @MedusaContext() sharedContext: Context = {}) {
    const manager = sqlManager(sharedContext)
    const [message] = await manager.execute(
      `SELECT m.* FROM conversation_message m JOIN conversation c ON c.id = m.conversation_id AND c.customer_id = ? AND c.deleted_at IS NULL
        WHERE m.id = ? AND m.conversation_id = ? AND m.author_kind = 'customer' AND m.author_id = ? AND m.deleted_at IS NULL FOR UPDATE OF m`,
      [customerId, messageId, conversationId, customerId]
    )
    if (!message) return null
    if (message.removed_at) return { already: true as const, message_id: messageId }
    const [before] = await manager.execute(`SELECT last_message_preview FROM conversation WHERE id = ?`, [conversationId])
    const files = await manager.execute(
      `UPDATE conversation_attachment SET deleted_at = now() WHERE message_id = ? AND deleted_at IS NULL RETURNING id, file_id`,
      [messageId]
    )
    await manager.execute(`UPDATE conversation_message SET body = '', removed_at = now(), updated_at = now() WHERE id = ?`, [messageId])
    // The list shows the last message; a deleted one is not shown there any more.
    await manager.execute(
      `UPDATE conversation SET last_message_preview = 'Message deleted', updated_at = now()
        WHERE id = ? AND last_message_at = ?::timestamptz`,
      [conversationId, message.created_at]
    )
    return {
      already: false as const,
      message_id: messageId,
      body: message.body as string,
      preview: (before?.last_message_preview as string | null) ?? null,
      attachment_ids: files.map((file) => String(file.id)),
      file_ids: files.map((file) => String(file.file_id)),
    }
  }

  @InjectTransactionManager()
  async unremoveCustomerMessage(
    input: { conversation_id: string; message_id: string; body: string; preview: string | null; attachment_ids: string[] },
    @MedusaContext() sharedContext: Context = {}
  ) {
    const manager = sqlManager(sharedContext)
    await manager.execute(`UPDATE conversation_message SET body = ?, removed_at = NULL WHERE id = ?`, [input.body, input.message_id])
    if (input.attachment_ids.length) {
      await manager.execute(
        `UPDATE conversation_attachment SET deleted_at = NULL WHERE id IN (${input.attachment_ids.map(() => "?").join(", ")})`,
        input.attachment_ids
      )
    }
    await manager.execute(`UPDATE conversation SET last_message_preview = ? WHERE id = ?`, [input.preview, input.conversation_id])
  }

  /** The reader has seen everything: their side's unread count and due email are cleared. Returns what it was, for undoing. */
  @InjectTransactionManager()
  async markRead(conversationId: string, reader: "customer" | "staff", at: Date, @MedusaContext() sharedContext: Context = {}) {
    const manager = sqlManager(sharedContext)
    const columns = [`${reader}_unread_count`, `${reader}_last_read_at`, `${reader}_email_due_since`] as const
    const [before] = await manager.execute(`SELECT ${columns.join(", ")} FROM conversation WHERE id = ? FOR UPDATE`, [conversationId])
    if (!before) return null
    await manager.execute(
      `UPDATE conversation SET ${columns[0]} = 0, ${columns[1]} = ?::timestamptz, ${columns[2]} = NULL WHERE id = ? AND (${columns[0]} > 0 OR ${columns[2]} IS NOT NULL OR ${columns[1]} IS NULL)`,
      [at, conversationId]
    )
    return before as Partial<Bookkeeping>
  }

  @InjectTransactionManager()
  async assign(conversationId: string, userId: string | null, @MedusaContext() sharedContext: Context = {}) {
    const manager = sqlManager(sharedContext)
    const [before] = await manager.execute(`SELECT assigned_user_id FROM conversation WHERE id = ? AND deleted_at IS NULL FOR UPDATE`, [conversationId])
    if (!before) return null
    await manager.execute(`UPDATE conversation SET assigned_user_id = ?, updated_at = now() WHERE id = ?`, [userId, conversationId])
    return { previous: (before.assigned_user_id as string | null) ?? null }
  }

  /** A conversation's messages in order (the newest `limit`), notes only for staff, with their files. */
  @InjectManager()
  async listMessages(conversationId: string, options: { notes: boolean; limit?: number }, @MedusaContext() sharedContext: Context = {}) {
    const rows = await sqlManager(sharedContext).execute(
      `SELECT * FROM (SELECT * FROM conversation_message WHERE conversation_id = ? AND deleted_at IS NULL ${options.notes ? "" : "AND author_kind <> 'note'"}
         ORDER BY created_at DESC, id DESC LIMIT ?) newest ORDER BY created_at, id`,
      [conversationId, options.limit ?? 500]
    )
    const attachments = await this.attachmentsOf(
      rows.map((row) => String(row.id)),
      sharedContext
    )
    return rows.map((row) => toMessage(row, attachments))
  }

  @InjectManager()
  async attachmentsOf(messageIds: string[], @MedusaContext() sharedContext: Context = {}) {
    if (!messageIds.length) return []
    return sqlManager(sharedContext).execute(
      `SELECT id, message_id, file_id, filename, mime_type, size_bytes FROM conversation_attachment
        WHERE message_id IN (${messageIds.map(() => "?").join(", ")}) AND deleted_at IS NULL ORDER BY created_at, id`,
      messageIds
    )
  }

  /** One file of a message, only when the message is in this conversation (and, for a customer, not a note). */
  @InjectManager()
  async findAttachment(conversationId: string, messageId: string, attachmentId: string, staff: boolean, @MedusaContext() sharedContext: Context = {}) {
    const [row] = await sqlManager(sharedContext).execute(
      `SELECT a.file_id, a.filename, a.mime_type, a.size_bytes FROM conversation_attachment a
         JOIN conversation_message m ON m.id = a.message_id AND m.deleted_at IS NULL AND m.removed_at IS NULL ${staff ? "" : "AND m.author_kind <> 'note'"}
        WHERE a.id = ? AND a.message_id = ? AND a.conversation_id = ? AND a.deleted_at IS NULL`,
      [attachmentId, messageId, conversationId]
    )
    return row ? { file_id: String(row.file_id), filename: String(row.filename), mime_type: String(row.mime_type), size_bytes: Number(row.size_bytes) } : null
  }

  /** The portal's list: the customer's conversations, newest activity first (IDX_conversation_customer). */
  @InjectManager()
  async listCustomerConversations(customerId: string, page: { offset: number; limit: number }, @MedusaContext() sharedContext: Context = {}) {
    const manager = sqlManager(sharedContext)
    const [rows, [counted]] = await Promise.all([
      manager.execute(`SELECT * FROM conversation c WHERE customer_id = ? AND deleted_at IS NULL ORDER BY ${ORDER} LIMIT ? OFFSET ?`, [
        customerId,
        page.limit,
        page.offset,
      ]),
      manager.execute(`SELECT count(*)::int AS count FROM conversation WHERE customer_id = ? AND deleted_at IS NULL`, [customerId]),
    ])
    return { rows: rows.map(toConversation), count: Number(counted?.count ?? 0) }
  }

  /** Messages the reader has not read: the customer's own, or every conversation's for staff (the partial index holds only unread rows). */
  @InjectManager()
  async unreadCount(reader: { customer_id: string } | "staff", @MedusaContext() sharedContext: Context = {}) {
    const [row] = await sqlManager(sharedContext).execute(
      reader === "staff"
        ? `SELECT COALESCE(sum(staff_unread_count), 0)::int AS count FROM conversation WHERE staff_unread_count > 0 AND deleted_at IS NULL`
        : `SELECT COALESCE(sum(customer_unread_count), 0)::int AS count FROM conversation WHERE customer_id = ? AND customer_unread_count > 0 AND deleted_at IS NULL`,
      reader === "staff" ? [] : [reader.customer_id]
    )
    return Number(row?.count ?? 0)
  }

  /**
   * The staff inbox: one page by filter (all, unassigned, mine), unread, one customer, and a
   * search (customers already matched by the caller through the directory, or message text
   * through the trigram index). Each filter has its own index in last-message order.
   */
  @InjectManager()
  async listInbox(query: InboxQuery, @MedusaContext() sharedContext: Context = {}) {
    const where = ["c.deleted_at IS NULL"]
    const params: unknown[] = []
    if (query.filter === "unassigned") where.push("c.assigned_user_id IS NULL")
    if (query.filter === "mine") {
      where.push("c.assigned_user_id = ?")
      params.push(query.user_id)
    }
    if (query.unread) where.push("c.staff_unread_count > 0")
    if (query.customer_id) {
      where.push("c.customer_id = ?")
      params.push(query.customer_id)
    }
    if (query.q !== undefined) {
      const matched = query.matched_customer_ids ?? []
      const either = matched.length ? [`c.customer_id IN (${matched.map(() => "?").join(", ")})`] : ["false"]
      params.push(...matched)
      if (query.q.length >= 3) {
        either.push(`c.id IN (SELECT m.conversation_id FROM conversation_message m WHERE m.body ILIKE ? AND m.deleted_at IS NULL AND m.removed_at IS NULL)`)
        params.push(`%${escapeLike(query.q)}%`)
      }
      where.push(`(${either.join(" OR ")})`)
    }
    const manager = sqlManager(sharedContext)
    const clause = where.join(" AND ")
    const [rows, [counted]] = await Promise.all([
      manager.execute(`SELECT * FROM conversation c WHERE ${clause} ORDER BY ${ORDER} LIMIT ? OFFSET ?`, [...params, query.limit, query.offset]),
      manager.execute(`SELECT count(*)::int AS count FROM conversation c WHERE ${clause}`, params),
    ])
    return { rows: rows.map(toConversation), count: Number(counted?.count ?? 0) }
  }

  /** Conversations whose side has had an unread message since before `dueBefore` (the away-email job's queue). */
  @InjectManager()
  async listEmailsDue(side: "customer" | "staff", dueBefore: Date, limit: number, @MedusaContext() sharedContext: Context = {}) {
    const rows = await sqlManager(sharedContext).execute(
      `SELECT * FROM conversation c WHERE ${side}_email_due_since IS NOT NULL AND ${side}_email_due_since <= ?::timestamptz AND deleted_at IS NULL
        ORDER BY ${side}_email_due_since LIMIT ?`,
      [dueBefore, limit]
    )
    return rows.map(toConversation)
  }

  /** The unread messages of the other side, since the email fell due (oldest first, at most `limit`). */
  @InjectManager()
  async listMessagesSince(conversationId: string, kind: "customer" | "staff", since: Date, limit: number, @MedusaContext() sharedContext: Context = {}) {
    const rows = await sqlManager(sharedContext).execute(
      `SELECT * FROM conversation_message WHERE conversation_id = ? AND author_kind = ? AND created_at >= ?::timestamptz AND deleted_at IS NULL AND removed_at IS NULL
        ORDER BY created_at, id LIMIT ?`,
      [conversationId, kind, since, limit]
    )
    return rows.map((row) => toMessage(row, []))
  }

  /** The email went: nothing is due until the next unread message (only if no one read it or wrote meanwhile). */
  @InjectManager()
  async markEmailed(conversationId: string, side: "customer" | "staff", dueSince: Date, @MedusaContext() sharedContext: Context = {}) {
    await sqlManager(sharedContext).execute(
      `UPDATE conversation SET ${side}_email_due_since = NULL WHERE id = ? AND ${side}_email_due_since = ?::timestamptz`,
      [conversationId, dueSince]
    )
  }
}

export default ConversationsModuleService
