import { ORDER_PAYMENT_COLLECTION_LINK_TABLE } from "../../../db/tables"
import { newEntityId } from "../../../utils/bulk-insert"
import type { SqlManager } from "../../../utils/sql-manager"
import { copyRows } from "./copy-rows"

/**
 * Each visit order's payment as the group's first order has it (pay on the day: the collection
 * authorized through the system provider, its authorized session and its payment, nothing
 * captured), copied row by row with fresh ids, linked to the order. The session's `context` and
 * both `data` fields are left empty: they would describe the first visit's customer. Returns the
 * collections made, for the step's undo.
 */
export async function copyVisitPayments(sql: SqlManager, templateOrderId: string, orderIds: string[], now: string): Promise<string[]> {
  const [template] = await sql.execute(
    `SELECT c.id AS collection_id, s.id AS session_id, p.id AS payment_id
       FROM ${ORDER_PAYMENT_COLLECTION_LINK_TABLE} l
       JOIN payment_collection c ON c.id = l.payment_collection_id AND c.deleted_at IS NULL
       JOIN payment_session s ON s.payment_collection_id = c.id AND s.deleted_at IS NULL
       JOIN payment p ON p.payment_session_id = s.id AND p.deleted_at IS NULL
      WHERE l.order_id = ? AND l.deleted_at IS NULL`,
    [templateOrderId]
  )
  if (!template) throw new Error(`The first visit's order ${templateOrderId} has no authorized payment to copy`)
  const copies = orderIds.map((order_id) => ({
    order_id,
    collection_id: newEntityId("pay_col"),
    session_id: newEntityId("payses"),
  }))
  await copyRows(sql, "payment_collection", String(template.collection_id), { types: { id: "text" }, rows: copies.map((copy) => ({ id: copy.collection_id })) })
  await copyRows(sql, "payment_session", String(template.session_id), {
    types: { id: "text", payment_collection_id: "text", data: "jsonb", context: "jsonb", authorized_at: "timestamptz" },
    rows: copies.map((copy) => ({ id: copy.session_id, payment_collection_id: copy.collection_id, data: {}, context: {}, authorized_at: now })),
  })
  await copyRows(sql, "payment", String(template.payment_id), {
    types: { id: "text", payment_collection_id: "text", payment_session_id: "text", data: "jsonb", captured_at: "timestamptz", canceled_at: "timestamptz" },
    rows: copies.map((copy) => ({
      id: newEntityId("pay"),
      payment_collection_id: copy.collection_id,
      payment_session_id: copy.session_id,
      data: {},
      captured_at: null,
      canceled_at: null,
    })),
  })
  await sql.execute(
    `INSERT INTO ${ORDER_PAYMENT_COLLECTION_LINK_TABLE} (id, order_id, payment_collection_id, created_at, updated_at)
     SELECT v.id, v.order_id, v.payment_collection_id, now(), now() FROM jsonb_to_recordset(?::jsonb) AS v(id text, order_id text, payment_collection_id text)`,
    [JSON.stringify(copies.map((copy) => ({ id: newEntityId("ordpay"), order_id: copy.order_id, payment_collection_id: copy.collection_id })))]
  )
  return copies.map((copy) => copy.collection_id)
}
