import pg from "pg"
import { inject } from "vitest"

/** Per table: how many rows, and an md5 over their text (row order does not matter). */
export type TableDigest = Record<string, { rows: number; md5: string }>

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`

async function withClient<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: inject("databaseUrl") })
  await client.connect()
  try {
    return await work(client)
  } finally {
    await client.end()
  }
}

/** The ordinary tables of the public schema (Medusa core's and the plugin's). */
export async function publicTables(): Promise<string[]> {
  return withClient(async (client) => {
    const { rows } = await client.query<{ name: string }>(
      `select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relispartition order by 1`
    )
    return rows.map((row) => row.name)
  })
}

/**
 * A digest of every table (less `skip`), or with `mentioning`, of only the rows whose text holds
 * one of those values (a customer's ids and email: their rows, and every row pointing at them).
 * One statement per table on one connection: a few hundred milliseconds on the test database.
 */
export async function digestTables(options: { skip?: Iterable<string>; mentioning?: string[] } = {}): Promise<TableDigest> {
  const skip = new Set(options.skip ?? [])
  const tables = (await publicTables()).filter((table) => !skip.has(table))
  const patterns = options.mentioning?.map((value) => `%${value.replace(/[\\%_]/g, (char) => `\\${char}`)}%`)
  return withClient(async (client) => {
    const digest: TableDigest = {}
    for (const table of tables) {
      const where = patterns ? `where t::text like any($1::text[])` : ""
      const { rows } = await client.query<{ rows: string; md5: string }>(
        `select count(*) as rows, md5(coalesce(string_agg(md5(t::text), '' order by md5(t::text)), '')) as md5 from ${quote(table)} t ${where}`,
        patterns ? [patterns] : []
      )
      if (patterns && rows[0].rows === "0") continue
      digest[table] = { rows: Number(rows[0].rows), md5: rows[0].md5 }
    }
    return digest
  })
}

/** The tables whose digest differs, with their row counts before and after. */
export function changedTables(before: TableDigest, after: TableDigest): string[] {
  const names = new Set([...Object.keys(before), ...Object.keys(after)])
  return [...names]
    .filter((name) => before[name]?.md5 !== after[name]?.md5)
    .sort()
    .map((name) => `${name} (${before[name]?.rows ?? 0} rows before, ${after[name]?.rows ?? 0} after)`)
}

/**
 * The digest once nothing is changing any more: work that earlier requests set off (emails,
 * notifications, read models) finishes first, so it isn't taken for a change made later.
 */
export async function settledDigest(options: Parameters<typeof digestTables>[0] = {}, timeoutMs = 20_000): Promise<TableDigest> {
  const deadline = Date.now() + timeoutMs
  let previous = await digestTables(options)
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 750))
    const current = await digestTables(options)
    if (!changedTables(previous, current).length || Date.now() > deadline) return current
    previous = current
  }
}
