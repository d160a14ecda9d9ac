import type { SqlManager } from "./sql-manager"

/**
 * Rows of one table as they were before a change, to put back exactly if the change must be
 * undone: "update" rows are written back column by column (they stay where they are), "replace"
 * sets (link and pivot rows, logins) are deleted and inserted again as they were.
 */
export type RowSnapshot = {
  table: string
  mode: "update" | "replace"
  /** For "replace": the condition (with `?` for each of `params`) that picks the whole set again. */
  scope?: string
  params?: unknown[]
  rows: Record<string, unknown>[]
}

const ids = (values: readonly string[]) => JSON.stringify([...values])
/** `IN (…)` over ids passed as one JSON parameter (Knex would spread an array over several). */
export const IN_IDS = "IN (SELECT jsonb_array_elements_text(?::jsonb))"

/** The rows with these ids, whole, to write back later. */
export async function snapshotRows(sql: SqlManager, table: string, rowIds: readonly string[]): Promise<RowSnapshot> {
  const rows = rowIds.length ? await sql.execute(`SELECT to_jsonb(t) AS row FROM "${table}" t WHERE t.id ${IN_IDS}`, [ids(rowIds)]) : []
  return { table, mode: "update", rows: rows.map((row) => row.row as Record<string, unknown>) }
}

/** Every row matching `scope`, to delete and insert again later (for sets of link rows). */
export async function snapshotSet(sql: SqlManager, table: string, scope: string, params: unknown[]): Promise<RowSnapshot> {
  const rows = await sql.execute(`SELECT to_jsonb(t) AS row FROM "${table}" t WHERE ${scope}`, params)
  return { table, mode: "replace", scope, params, rows: rows.map((row) => row.row as Record<string, unknown>) }
}

/** Puts the snapshots back, last taken first (call inside one transaction). */
export async function restoreSnapshots(sql: SqlManager, snapshots: RowSnapshot[]) {
  for (const snapshot of [...snapshots].reverse()) {
    const { table, rows } = snapshot
    if (snapshot.mode === "replace") await sql.execute(`DELETE FROM "${table}" t WHERE ${snapshot.scope}`, snapshot.params ?? [])
    if (!rows.length) continue
    if (snapshot.mode === "replace") {
      await sql.execute(`INSERT INTO "${table}" SELECT * FROM jsonb_populate_recordset(null::"${table}", ?::jsonb)`, [JSON.stringify(rows)])
      continue
    }
    const columns = Object.keys(rows[0])
      .filter((column) => column !== "id")
      .map((column) => `"${column.replace(/"/g, '""')}"`)
    await sql.execute(
      `UPDATE "${table}" AS t SET (${columns.join(", ")}) = (${columns.map((column) => `s.${column}`).join(", ")})
         FROM jsonb_populate_recordset(null::"${table}", ?::jsonb) AS s WHERE t.id = s.id`,
      [JSON.stringify(rows)]
    )
  }
}
