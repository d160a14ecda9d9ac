// What every benchmark starts with: the built plugin, a throw-away database (embedded PostgreSQL,
// or one on DATABASE_URL's server), migrations, the demo seeds, and Medusa in production mode
// without the admin. Stops it all on SIGINT or when `stopAll` is called.
import { createWriteStream } from "node:fs"
import { mkdtemp, readFile, readdir, rm } from "node:fs/promises"
import http from "node:http"
import os from "node:os"
import path from "node:path"
import { performance } from "node:perf_hooks"
import { pathToFileURL } from "node:url"
import { freePort, startTestDatabase } from "../../scripts/lib/database.mjs"
import { buildPlugin, migrate, seed, ROOT, startMedusa } from "../../scripts/lib/stack.mjs"

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
  // The table names the plugin's SQL uses (plugin/src/db/tables.ts), from the build just made.
  const tables = await import(pathToFileURL(path.join(ROOT, "plugin/.medusa/server/src/db/tables.js")).href)
  const database = await startTestDatabase({ tmpDir, log: () => {} })
  started.push(database)
  say("Migrating and seeding the demo business")
  await migrate(database.url)
  await seed(database.url)

  /**
   * Medusa as in production, without the admin; `pid` is the server process, for memory readings.
   * Its output is dropped, or written to the file BENCH_SERVER_LOG names.
   */
  const startServer = async (env = {}) => {
    const port = await freePort()
    const log = process.env.BENCH_SERVER_LOG ? createWriteStream(process.env.BENCH_SERVER_LOG, { flags: "a" }) : null
    const proc = await startMedusa({
      databaseUrl: database.url,
      port,
      mode: "start",
      env: { NODE_ENV: "production", MEDUSA_ADMIN_DISABLED: "true", LOG_LEVEL: "error", ...env },
      output: log ? (chunk) => log.write(chunk) : () => {},
    })
    started.push(proc)
    return { port, base: `http://127.0.0.1:${port}`, pid: proc.child.pid, proc }
  }
  return { databaseUrl: database.url, tmpDir, started, stopAll, startServer, tables }
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

/** The p-th percentile (nearest rank) of the values, in any order. */
export function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]
}

/**
 * JSON over keep-alive HTTP to the benchmarked server; every answer carries its round-trip time
 * (`ms`, measured before the body is parsed), its text and its parsed JSON (null if not JSON).
 */
export function httpClient(base, { headers: fixedHeaders = {}, maxSockets = Infinity } = {}) {
  const agent = new http.Agent({ keepAlive: true, maxSockets })
  const request = (method, pathname, { token, body } = {}) =>
    new Promise((resolve, reject) => {
      const headers = { ...fixedHeaders }
      if (token) headers.authorization = `Bearer ${token}`
      const payload = body ? JSON.stringify(body) : undefined
      if (payload) headers["content-type"] = "application/json"
      const started = performance.now()
      const req = http.request(`${base}${pathname}`, { method, headers, agent }, (res) => {
        let text = ""
        res.setEncoding("utf8")
        res.on("data", (chunk) => (text += chunk))
        res.on("end", () => {
          const ms = performance.now() - started
          let json = null
          try {
            json = text ? JSON.parse(text) : null
          } catch {}
          resolve({ status: res.statusCode, text, json, ms })
        })
      })
      req.on("error", reject)
      req.end(payload)
    })
  return { request, close: () => agent.destroy() }
}
