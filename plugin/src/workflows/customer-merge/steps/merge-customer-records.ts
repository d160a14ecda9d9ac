import { PREVIEW_LENGTH } from "../../../modules/conversations/rows"
import type { MergePlan } from "../../../modules/customer-merge/merge-plan"
import { IN_IDS, type RowSnapshot, snapshotRows } from "../../../utils/row-snapshots"
import type { SqlManager } from "../../../utils/sql-manager"

/*
 * What a merge does with the secondary's conversations, complaints, ratings and visit reminders:
 * they become the primary's. A customer has one general conversation, so when both have one the
 * primary's is kept, the secondary's messages (with their files) move into it in their time order,
 * and its last message and both sides' unread counts are worked out again; the secondary's empty
 * one is soft-deleted. Conversations about a booking, quote, invoice or complaint just move.
 * Their portal sign-ins and read notices move too; "mark all read" becomes read marks on the
 * notices it covered, since those notices are the primary's now.
 */

const json = (values: unknown) => JSON.stringify(values)
const idsOf = async (sql: SqlManager, table: string, customerId: string) =>
  (await sql.execute(`SELECT id FROM "${table}" WHERE customer_id = ?`, [customerId])).map((row) => row.id as string)
const general = (side: MergePlan["primary"]) => side.conversations.find((conversation) => conversation.subject_type === "general") ?? null

/** The rows a merge changes here, as they are, to write back if the merge is undone. */
export async function customerRecordSnapshots(sql: SqlManager, plan: MergePlan): Promise<RowSnapshot[]> {
  const conversationIds = plan.secondary.conversations.map((conversation) => conversation.id)
  const messages = await sql.execute(`SELECT id FROM conversation_message WHERE conversation_id ${IN_IDS}`, [json(conversationIds)])
  const attachments = await sql.execute(`SELECT id FROM conversation_attachment WHERE conversation_id ${IN_IDS}`, [json(conversationIds)])
  return [
    await snapshotRows(
      sql,
      "conversation",
      [...plan.primary.conversations, ...plan.secondary.conversations].map((conversation) => conversation.id)
    ),
    await snapshotRows(
      sql,
      "conversation_message",
      messages.map((row) => row.id as string)
    ),
    await snapshotRows(
      sql,
      "conversation_attachment",
      attachments.map((row) => row.id as string)
    ),
    await snapshotRows(sql, "complaint", plan.secondary.complaint_ids),
    await snapshotRows(sql, "rating", plan.secondary.rating_ids),
    await snapshotRows(sql, "visit_reminder", plan.secondary.visit_reminder_ids),
    await snapshotRows(sql, "portal_login", await idsOf(sql, "portal_login", plan.secondary.customer.id)),
    await snapshotRows(sql, "notice_read", await idsOf(sql, "notice_read", plan.secondary.customer.id)),
    await snapshotRows(sql, "notices_read_up_to", await idsOf(sql, "notices_read_up_to", plan.secondary.customer.id)),
  ]
}

export async function mergeCustomerRecords(sql: SqlManager, plan: MergePlan) {
  const primaryId = plan.primary.customer.id
  const secondaryId = plan.secondary.customer.id
  const kept = general(plan.primary)
  const merged = general(plan.secondary)
  const moving = plan.secondary.conversations.filter((conversation) => !(kept && conversation.id === merged?.id)).map((conversation) => conversation.id)

  // The customer's own messages name them as author: they are the primary's now (so they can still delete them).
  await sql.execute(
    `UPDATE conversation_message SET author_id = ?, updated_at = now() WHERE author_kind = 'customer' AND author_id = ?
      AND conversation_id ${IN_IDS}`,
    [primaryId, secondaryId, json(plan.secondary.conversations.map((conversation) => conversation.id))]
  )
  if (moving.length) {
    await sql.execute(`UPDATE conversation SET customer_id = ?, updated_at = now() WHERE id ${IN_IDS}`, [primaryId, json(moving)])
  }
  if (kept && merged) {
    await sql.execute(`UPDATE conversation_message SET conversation_id = ?, updated_at = now() WHERE conversation_id = ?`, [kept.id, merged.id])
    await sql.execute(`UPDATE conversation_attachment SET conversation_id = ?, updated_at = now() WHERE conversation_id = ?`, [kept.id, merged.id])
    // Unread stays unread on both sides; the away-email goes from the earlier of the two unread messages.
    await sql.execute(
      `UPDATE conversation k SET
         customer_unread_count = k.customer_unread_count + m.customer_unread_count,
         staff_unread_count = k.staff_unread_count + m.staff_unread_count,
         customer_email_due_since = LEAST(k.customer_email_due_since, m.customer_email_due_since),
         staff_email_due_since = LEAST(k.staff_email_due_since, m.staff_email_due_since),
         last_message_at = COALESCE(last.created_at, k.last_message_at),
         last_message_preview = CASE WHEN last.created_at IS NULL THEN k.last_message_preview WHEN last.removed_at IS NOT NULL THEN 'Message deleted'
           ELSE left(btrim(regexp_replace(last.body, '\\s+', ' ', 'g')), ${PREVIEW_LENGTH}) END,
         updated_at = now()
       FROM conversation m
         LEFT JOIN LATERAL (SELECT created_at, body, removed_at FROM conversation_message WHERE conversation_id = ? AND author_kind <> 'note' AND deleted_at IS NULL
                  ORDER BY created_at DESC, id DESC LIMIT 1) last ON true
       WHERE k.id = ? AND m.id = ?`,
      [kept.id, kept.id, merged.id]
    )
    await sql.execute(
      `UPDATE conversation SET deleted_at = now(), updated_at = now(), customer_unread_count = 0, staff_unread_count = 0,
         customer_email_due_since = NULL, staff_email_due_since = NULL WHERE id = ?`,
      [merged.id]
    )
  }
  for (const [table, ids] of [
    ["complaint", plan.secondary.complaint_ids],
    ["rating", plan.secondary.rating_ids],
    ["visit_reminder", plan.secondary.visit_reminder_ids],
  ] as const) {
    if (ids.length) await sql.execute(`UPDATE "${table}" SET customer_id = ?, updated_at = now() WHERE id ${IN_IDS}`, [primaryId, json(ids)])
  }
  await sql.execute(
    `INSERT INTO notice_read (id, customer_id, notification_id, created_at, updated_at)
     SELECT 'nread_' || md5(r.customer_id || n.id), r.customer_id, n.id, now(), now()
       FROM notices_read_up_to r JOIN notification n ON n.id ${IN_IDS} AND n.created_at <= r.read_at
      WHERE r.customer_id = ? AND r.deleted_at IS NULL
        AND NOT EXISTS (SELECT 1 FROM notice_read x WHERE x.customer_id = r.customer_id AND x.notification_id = n.id AND x.deleted_at IS NULL)`,
    [json(plan.secondary.notification_ids), secondaryId]
  )
  await sql.execute(`UPDATE notices_read_up_to SET customer_id = ?, deleted_at = now(), updated_at = now() WHERE customer_id = ?`, [primaryId, secondaryId])
  await sql.execute(`UPDATE notice_read SET customer_id = ?, updated_at = now() WHERE customer_id = ?`, [primaryId, secondaryId])
  await sql.execute(`UPDATE portal_login SET customer_id = ?, updated_at = now() WHERE customer_id = ?`, [primaryId, secondaryId])
}
