import type { SqlManager } from "./sql-manager"

/**
 * Inserts many rows in one statement: the rows travel as one JSON parameter and PostgreSQL
 * unpacks them (`jsonb_to_recordset`), so a thousand rows cost one round trip and no ORM
 * entities. `columns` names each column with its SQL type; every row gives every column
 * (created_at and updated_at take their defaults). For a module's own tables only.
 */
export async function bulkInsert(
  manager: SqlManager,
  table: string,
  columns: Record<string, string>,
  rows: Record<string, unknown>[]
): Promise<void> {
  if (!rows.length) return
  const names = Object.keys(columns).map((name) => `"${name}"`)
  const types = Object.entries(columns).map(([name, type]) => `"${name}" ${type}`)
  await manager.execute(
    `INSERT INTO "${table}" (${names.join(", ")}) SELECT ${names.join(", ")} FROM jsonb_to_recordset(?::jsonb) AS x(${types.join(", ")})`,
    [JSON.stringify(rows)]
  )
}
