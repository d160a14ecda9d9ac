// What every benchmark starts with: the built plugin, a throw-away database (embedded PostgreSQL,
// or one on DATABASE_URL's server), migrations, the demo seeds, and Medusa in production mode
// without the admin. Stops it all on SIGINT or when `stopAll` is called.
import { readFile, readdir } from "node:fs/promises"
import { mkdtemp, rm } from "node:fs/promises"
import os from "node:os"
import path from "node:path"
import { freePort, startTestDatabase } from "../../scripts/lib/database.mjs"
import { buildPlugin, migrate, seed, startMedusa } from "../../scripts/lib/stack.mjs"

export const say = (message) => console.log(`\x1b[1m▸ ${message}\x1b[0m`)

export async function benchStack({ name = "bench" } = {}) {
  const started = []
  const tmpDir = await mkdtemp(path.join(os.tmpdir(), `fieldservice-${name}-`))
  const stopAll = async () => {
    for (const item of started.reverse()) await item.stop().catch(() => {})
    await rm(tmpDir, { recursive: true, force: true })
  }
  process.on("SIGINT", () => stopAll().then(() => process.exit(130)))

  say("Building the plugin")
  await buildPlugin()
  const database = await startTestDatabase({ tmpDir, log: () => {} })
  started.push(database)
  say("Migrating and seeding the demo business")
  await migrate(database.url)
  await seed(database.url)

  /** Medusa as in production, without the admin; `pid` is the server process, for memory readings. */
  const startServer = async (env = {}) => {
    const port = await freePort()
    const proc = await startMedusa({
      databaseUrl: database.url,
      port,
      mode: "start",
      env: { NODE_ENV: "production", MEDUSA_ADMIN_DISABLED: "true", LOG_LEVEL: "error", ...env },
      output: () => {},
    })
    started.push(proc)
    return { port, base: `http://127.0.0.1:${port}`, pid: proc.child.pid, proc }
  }
  return { databaseUrl: database.url, tmpDir, started, stopAll, startServer }
}

/** Resident memory of a process and its children, in kB: now (VmRSS) and the highest so far (VmHWM). */
export async function processMemory(rootPid) {
  const pids = [rootPid]
  for (const entry of await readdir("/proc")) {
    if (!/^\d+$/.test(entry)) continue
    const stat = await readFile(`/proc/${entry}/stat`, "utf8").catch(() => "")
    // Field 4 (after the command in parentheses) is the parent id.
    const parent = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1])
    if (parent === rootPid) pids.push(Number(entry))
  }
  let rss = 0
  let hwm = 0
  for (const pid of pids) {
    const status = await readFile(`/proc/${pid}/status`, "utf8").catch(() => "")
    rss += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0)
    hwm = Math.max(hwm, Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0))
  }
  return { rss, hwm }
}
