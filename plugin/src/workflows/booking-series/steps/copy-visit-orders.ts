import { generateEntityId } from "@medusajs/framework/utils"
import type { SqlManager } from "../../../utils/sql-manager"

/** A visit's order to write as a copy of its group's first order: who it is for, and its booking. */
export type VisitOrderCopy = { order_id: string; customer_id: string; email: string; booking_id: string; booking_number: string }

/** Each copy's own columns and their SQL types; the rest are copied from the template row as they are, so a column a later Medusa adds is copied too. */
type Copies = { types: Record<string, string>; rows: Record<string, unknown>[] }

const columnCache = new Map<string, string[]>()

async function columnsOf(sql: SqlManager, table: string): Promise<string[]> {
  const cached = columnCache.get(table)
  if (cached) return cached
  const rows = await sql.execute(
    `SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = ? ORDER BY ordinal_position`,
    [table]
  )
  const columns = rows.map((row) => String(row.column_name))
  columnCache.set(table, columns)
  return columns
}

const quoted = (name: string) => `"${name}"`

/**
 * Inserts one row per copy: the template row `sourceId` with the copy's own columns, fresh
 * timestamps, and `defaulted` columns left to their database default (the order's display
 * number from its sequence).
 */
async function copyRows(sql: SqlManager, table: string, sourceId: string, copies: Copies, defaulted: string[] = []) {
  const columns = await columnsOf(sql, table)
  const given = Object.keys(copies.types)
  const skipped = new Set([...given, ...defaulted, "created_at", "updated_at", "deleted_at"])
  const copied = columns.filter((column) => !skipped.has(column))
  const list = [...given, ...copied, "created_at", "updated_at"].map(quoted).join(", ")
  const values = [...given.map((column) => `v.${quoted(column)}`), ...copied.map((column) => `t.${quoted(column)}`), "now()", "now()"].join(", ")
  const record = given.map((column) => `${quoted(column)} ${copies.types[column]}`).join(", ")
  await sql.execute(
    `INSERT INTO ${quoted(table)} (${list})
     SELECT ${values} FROM jsonb_to_recordset(?::jsonb) AS v(${record}) JOIN ${quoted(table)} t ON t.id = ? AND t.deleted_at IS NULL`,
    [JSON.stringify(copies.rows), sourceId]
  )
}

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
  const id = (prefix: string) => generateEntityId(undefined, prefix)
  const copies = visits.map((visit) => ({
    ...visit,
    shipping_address_id: template.shipping_address_id ? id("ordaddr") : null,
    billing_address_id: template.billing_address_id ? id("ordaddr") : null,
    line_id: id("ordli"),
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
  const itemRows = copies.map((copy) => ({ id: id("orditem"), order_id: copy.order_id, item_id: copy.line_id, metadata: { booking_id: copy.booking_id } }))
  const itemTypes = { id: "text", order_id: "text", item_id: "text", metadata: "jsonb" }
  await copyRows(sql, "order_item", String(template.order_item_id), { types: itemTypes, rows: itemRows })
  for (const taxLine of taxLines) {
    const rows = copies.map((copy) => ({ id: id("ordlitxl"), item_id: copy.line_id }))
    await copyRows(sql, "order_line_item_tax_line", String(taxLine.id), { types: { id: "text", item_id: "text" }, rows })
  }
  const summaryRows = copies.map((copy) => ({ id: id("ordsum"), order_id: copy.order_id }))
  await copyRows(sql, "order_summary", String(template.summary_id), { types: { id: "text", order_id: "text" }, rows: summaryRows })
}
