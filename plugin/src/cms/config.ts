import path from "node:path"
import type { Payload } from "payload" with { "resolution-mode": "import" }
import { Faqs, Terms } from "./collections"
import { migrations } from "./migrations"

/** The CMS keeps its tables apart from Medusa's, in their own PostgreSQL schema. */
const CMS_SCHEMA = "cms"

export type CmsOptions = {
  /** PostgreSQL connection string; the CMS keeps its tables in its own `cms` schema. */
  databaseUrl?: string
  secret?: string
}

/** Boots Payload's Local API (no Next.js admin: editors use the Medusa admin's Content page). */
export async function startCms(options: CmsOptions): Promise<Payload> {
  const databaseUrl = options.databaseUrl || process.env.DATABASE_URL
  if (!databaseUrl) {
    throw new Error("The CMS needs a database: set the plugin option cms.databaseUrl or DATABASE_URL")
  }
  // Payload is ESM-only while Medusa plugins compile to CommonJS: TypeScript keeps these as import().
  const { buildConfig, getPayload } = await import("payload")
  const { postgresAdapter } = await import("@payloadcms/db-postgres")
  const config = buildConfig({
    secret: options.secret || process.env.CMS_SECRET || "supersecret",
    telemetry: false,
    logger: { options: { level: process.env.CMS_LOG_LEVEL || "error" } },
    db: postgresAdapter({
      pool: { connectionString: databaseUrl, max: 5 },
      schemaName: CMS_SCHEMA,
      push: false,
      migrationDir: path.join(__dirname, "migrations"),
    }),
    collections: [Faqs, Terms],
    typescript: { autoGenerate: false },
  })
  const payload = await getPayload({ config })
  await migrateCms(payload)
  return payload
}

/** Applies pending CMS migrations; an advisory lock keeps parallel instances from racing. */
async function migrateCms(payload: Payload) {
  const adapter = payload.db as unknown as { pool: import("pg").Pool; migrate: (args: { migrations: unknown[] }) => Promise<void> }
  const client = await adapter.pool.connect()
  try {
    await client.query("select pg_advisory_lock(hashtext('fieldservice-cms-migrations'))")
    // Payload's migrations assume their schema exists.
    await client.query(`create schema if not exists "${CMS_SCHEMA}"`)
    await adapter.migrate({ migrations })
  } finally {
    await client.query("select pg_advisory_unlock(hashtext('fieldservice-cms-migrations'))").catch(() => {})
    client.release()
  }
}
