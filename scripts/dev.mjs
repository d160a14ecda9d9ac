#!/usr/bin/env node
// `npm run dev`: the whole product on one machine. PostgreSQL (embedded unless DATABASE_URL),
// migrations (core + plugin + CMS), the demo business, Medusa (server + admin) and the portal.
import { startDevDatabase } from "./lib/database.mjs"
import { buildPlugin, DEMO, migrate, readPortalKey, ROOT, seed, startMedusa, startPortal } from "./lib/stack.mjs"

const MEDUSA_PORT = Number(process.env.MEDUSA_PORT || 9000)
const PORTAL_PORT = Number(process.env.PORTAL_PORT || 8000)
const say = (message) => console.log(`\x1b[1m▸ ${message}\x1b[0m`)

const running = []
let database
let stopping = false

async function shutdown(code = 0) {
  if (stopping) return
  stopping = true
  say("Stopping…")
  await Promise.allSettled(running.map((proc) => proc.stop()))
  if (database) await database.stop().catch((error) => console.error(error))
  process.exit(code)
}
process.on("SIGINT", () => shutdown(0))
process.on("SIGTERM", () => shutdown(0))

try {
  say(process.env.DATABASE_URL ? "Using the PostgreSQL server in DATABASE_URL" : "Starting embedded PostgreSQL (data in .data/postgres)")
  database = await startDevDatabase({ rootDir: ROOT, log: () => {} })

  say("Building the plugin")
  const built = await buildPlugin()
  if (!built) say("Plugin build is up to date")

  say("Running migrations (core, plugin, CMS)")
  await migrate(database.url)

  say("Seeding the demo business (skipped where it already exists)")
  await seed(database.url)
  const publishableKey = await readPortalKey(database.url)

  say(`Starting Medusa on port ${MEDUSA_PORT}`)
  running.push(await startMedusa({ databaseUrl: database.url, port: MEDUSA_PORT, mode: "develop" }))

  say(`Starting the portal on port ${PORTAL_PORT}`)
  running.push(await startPortal({ backendUrl: `http://localhost:${MEDUSA_PORT}`, publishableKey, port: PORTAL_PORT, mode: "dev" }))

  console.log(`
  ┌────────────────────────────────────────────────────────────────────┐
    Field-service portal is up

    Admin (Medusa)     http://localhost:${MEDUSA_PORT}/app
                       ${DEMO.adminEmail} / ${DEMO.adminPassword}
    Help content (CMS) http://localhost:${MEDUSA_PORT}/app/content
    Customer portal    http://localhost:${PORTAL_PORT}
                       ${DEMO.customerEmail} / ${DEMO.customerPassword}
    Store API          http://localhost:${MEDUSA_PORT}/store  (publishable key ${publishableKey.slice(0, 12)}…)

    Press Ctrl-C to stop everything.
  └────────────────────────────────────────────────────────────────────┘
`)
  const firstExit = await Promise.race(running.map((proc, index) => proc.exited.then(() => index)))
  if (stopping) await new Promise(() => {}) // Ctrl-C: shutdown() is already ending everything.
  console.error(`${firstExit === 0 ? "Medusa" : "The portal"} stopped unexpectedly.`)
  await shutdown(1)
} catch (error) {
  console.error(`\n${error instanceof Error ? error.message : error}`)
  await shutdown(1)
}
