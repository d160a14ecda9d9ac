import { newEntityId } from "../../../utils/bulk-insert"
import type { SqlManager } from "../../../utils/sql-manager"
import { copyRows } from "./copy-rows"

/** A visit's order to write as a copy of its group's first order: who it is for, and its booking. */
export type VisitOrderCopy = { order_id: string; customer_id: string; email: string; booking_id: string; booking_number: string }

/**
 * The visits' orders as copies of the group's first order (placed through place-booking): its
 * addresses (a country only: what tax needs), the order, its one line and the line's tax lines,
 * the item row and the summary, with each visit's customer, email, booking and fresh ids. One
 * statement per table instead of the Order module's create, which builds and reads back each
 * order one at a time (docs/decisions/billing-cycles.md).
 */
export async function copyVisitOrders(sql: SqlManager, templateOrderId: string, visits: VisitOrderCopy[]): Promise<void> {
  const [template] = await sql.execute(
    `SELECT o.shipping_address_id, o.billing_address_id, i.item_id, i.id AS order_item_id, s.id AS summary_id
       FROM "order" o JOIN order_item i ON i.order_id = o.id AND i.deleted_at IS NULL
       JOIN order_summary s ON s.order_id = o.id AND s.deleted_at IS NULL
      WHERE o.id = ?`,
    [templateOrderId]
  )
  const taxLines = await sql.execute(`SELECT id FROM order_line_item_tax_line WHERE item_id = ? AND deleted_at IS NULL ORDER BY id`, [template.item_id])
  const copies = visits.map((visit) => ({
    ...visit,
    shipping_address_id: template.shipping_address_id ? newEntityId("ordaddr") : null,
    billing_address_id: template.billing_address_id ? newEntityId("ordaddr") : null,
    line_id: newEntityId("ordli"),
  }))
  for (const side of ["shipping_address_id", "billing_address_id"] as const) {
    if (!template[side]) continue
    const rows = copies.map((copy) => ({ id: copy[side], customer_id: copy.customer_id }))
    await copyRows(sql, "order_address", String(template[side]), { types: { id: "text", customer_id: "text" }, rows })
  }
  await copyRows(
    sql,
    "order",
    templateOrderId,
    {
      types: {
        id: "text",
        customer_id: "text",
        email: "text",
        shipping_address_id: "text",
        billing_address_id: "text",
        status: "order_status_enum",
        canceled_at: "timestamptz",
        metadata: "jsonb",
      },
      rows: copies.map((copy) => ({
        id: copy.order_id,
        customer_id: copy.customer_id,
        email: copy.email,
        shipping_address_id: copy.shipping_address_id,
        billing_address_id: copy.billing_address_id,
        status: "pending",
        canceled_at: null,
        metadata: { booking_id: copy.booking_id, booking_number: copy.booking_number },
      })),
    },
    ["display_id", "custom_display_id"]
  )
  const lineRows = copies.map((copy) => ({ id: copy.line_id, metadata: { booking_id: copy.booking_id } }))
  await copyRows(sql, "order_line_item", String(template.item_id), { types: { id: "text", metadata: "jsonb" }, rows: lineRows })
  const itemRows = copies.map((copy) => ({
    id: newEntityId("orditem"),
    order_id: copy.order_id,
    item_id: copy.line_id,
    metadata: { booking_id: copy.booking_id },
  }))
  const itemTypes = { id: "text", order_id: "text", item_id: "text", metadata: "jsonb" }
  await copyRows(sql, "order_item", String(template.order_item_id), { types: itemTypes, rows: itemRows })
  for (const taxLine of taxLines) {
    const rows = copies.map((copy) => ({ id: newEntityId("ordlitxl"), item_id: copy.line_id }))
    await copyRows(sql, "order_line_item_tax_line", String(taxLine.id), { types: { id: "text", item_id: "text" }, rows })
  }
  const summaryRows = copies.map((copy) => ({ id: newEntityId("ordsum"), order_id: copy.order_id }))
  await copyRows(sql, "order_summary", String(template.summary_id), { types: { id: "text", order_id: "text" }, rows: summaryRows })
}
