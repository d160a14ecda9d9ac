import { mkdtemp, rm } from "node:fs/promises"
import os from "node:os"
import path from "node:path"
import pg from "pg"
import type { TestProject } from "vitest/node"
// @ts-expect-error plain ESM helpers shared with `npm run dev`
import { startTestDatabase } from "../../../../../scripts/lib/database.mjs"

declare module "vitest" {
  export interface ProvidedContext {
    /** The throw-away server for module tests; each test file makes its own database on it. */
    moduleDatabaseUrl: string
  }
}

/**
 * One PostgreSQL for the module tests: the embedded server `npm test` uses for the integration
 * tests (or TEST_DATABASE_URL / DATABASE_URL's server when given). No app is booted.
 */
export default async function setup(project: TestProject) {
  const tmpDir = await mkdtemp(path.join(os.tmpdir(), "fieldservice-modules-"))
  const database = await startTestDatabase({ tmpDir, log: () => {} })
  project.provide("moduleDatabaseUrl", database.url)
  return async () => {
    // On a shared server the files' databases would outlive the run: drop them first.
    const client = new pg.Client({ connectionString: database.url })
    await client.connect()
    try {
      const name = decodeURIComponent(new URL(database.url).pathname.slice(1))
      const { rows } = await client.query<{ datname: string }>("SELECT datname FROM pg_database WHERE starts_with(datname, $1)", [`${name}_`])
      for (const { datname } of rows) await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`)
    } finally {
      await client.end()
    }
    await database.stop()
    await rm(tmpDir, { recursive: true, force: true })
  }
}
