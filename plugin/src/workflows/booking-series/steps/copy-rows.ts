import type { SqlManager } from "../../../utils/sql-manager"

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
export async function copyRows(sql: SqlManager, table: string, sourceId: string, copies: Copies, defaulted: string[] = []) {
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
