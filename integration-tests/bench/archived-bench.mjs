#!/usr/bin/env node
// `npm run bench:archived`: Medusa's admin customer list (GET /admin/customers) with our
// middleware leaving archived customers out, side by side with Medusa core's own list on the
// same database in the same run: the demo business plus 120,000 customers (SQL), 100,000 of them
// archived, spread through the id and creation order. "Core" is the same request with
// `id[$nin][]=cus_none` added: our middleware steps aside when ids are asked for, so Medusa
// answers with its own SQL (plus that no-op condition). Requests alternate, one at a time.
// Every answer is checked: ours holds no archived customer and counts only the listed ones.
// Prints median and p95 for both; target: ours ≤ core + 50 ms (docs/security/archived-customers.md).
//
// Settings (environment): BENCH_ARCHIVED_CUSTOMERS (120000), BENCH_ARCHIVED_SHARE (6: all but every
// 6th customer archived), BENCH_ARCHIVED_ROUNDS (40), DATABASE_URL to use your PostgreSQL server.
import os from "node:os"
import { performance } from "node:perf_hooks"
import pg from "pg"
import { DEMO } from "../../scripts/lib/stack.mjs"
import { benchStack, httpClient, percentile, say } from "./stack.mjs"

const settings = {
  customers: Number(process.env.BENCH_ARCHIVED_CUSTOMERS ?? 120_000),
  every: Number(process.env.BENCH_ARCHIVED_SHARE ?? 6),
  rounds: Number(process.env.BENCH_ARCHIVED_ROUNDS ?? 40),
}
const TARGET_MS = 50
const PREFIX = "cus_arcbench"
/** Customer g is listed when g is a multiple of `every`; the rest are archived. */
const isArchived = (id) => id.startsWith(PREFIX) && Number(id.slice(PREFIX.length)) % settings.every !== 0
const machine = () =>
  `${os.cpus().length} × ${os.cpus()[0]?.model ?? "CPU"}, ${Math.round(os.totalmem() / 2 ** 30)} GB, load ${os
    .loadavg()
    .map((n) => n.toFixed(2))
    .join(" ")}`

const stack = await benchStack({ name: "archived-bench" })
const { PROFILE_LINK_TABLE } = stack.tables
try {
  const db = new pg.Client({ connectionString: stack.databaseUrl })
  await db.connect()
  say(`Generating ${settings.customers.toLocaleString("en-GB")} customers, all but every ${settings.every}th archived`)
  const t0 = performance.now()
  await db.query("BEGIN")
  await db.query(
    `INSERT INTO customer (id, first_name, last_name, email, phone, has_account, created_at, updated_at)
     SELECT '${PREFIX}' || lpad(g::text, 7, '0'), (ARRAY['Olivia','Amelia','Isla','Ava','George','Harry','Noah','Jack'])[1 + g % 8],
            (ARRAY['Smith','Jones','Taylor','Brown','Williams','Wilson','Johnson','Davies','Robinson','Wright'])[1 + (g / 8) % 10] || (g % 97),
            'customer' || g || '@example.com', '+44 7' || lpad(g::text, 9, '0'), g % 3 = 0,
            now() - interval '3 years' + g * interval '10 minutes', now()
       FROM generate_series(1, $1::int) g`,
    [settings.customers]
  )
  await db.query(
    `INSERT INTO customer_profile (id, status, status_changed_at)
     SELECT 'cprof' || substr(id, 4), CASE WHEN substr(id, ${PREFIX.length + 1})::int % $1 = 0 THEN 'active' ELSE 'archived' END, now()
       FROM customer WHERE id LIKE '${PREFIX}%'`,
    [settings.every]
  )
  // The link last, as Medusa writes it: its trigger sets customer.crm_archived for all of them at once.
  await db.query(
    `INSERT INTO ${PROFILE_LINK_TABLE} (id, customer_id, customer_profile_id)
     SELECT 'custprof' || substr(id, 4), id, 'cprof' || substr(id, 4) FROM customer WHERE id LIKE '${PREFIX}%'`
  )
  await db.query("COMMIT")
  for (const table of ["customer", "customer_profile", PROFILE_LINK_TABLE]) {
    await db.query(`VACUUM ANALYZE ${table}`)
  }
  const counts = (
    await db.query(
      `SELECT count(*) FILTER (WHERE crm_archived) AS archived, count(*) FILTER (WHERE NOT crm_archived) AS listed
         FROM customer WHERE deleted_at IS NULL`
    )
  ).rows[0]
  const archived = Number(counts.archived)
  const listed = Number(counts.listed)
  const expectedArchived = settings.customers - Math.floor(settings.customers / settings.every)
  if (archived !== expectedArchived) throw new Error(`${archived} customers flagged archived, expected ${expectedArchived}`)
  console.log(
    `  generated in ${((performance.now() - t0) / 1000).toFixed(1)} s: ${archived.toLocaleString("en-GB")} archived, ${listed.toLocaleString("en-GB")} listed`
  )
  await db.end()

  say("Starting Medusa (production mode, no admin)")
  const server = await stack.startServer()
  const client = httpClient(server.base, { maxSockets: 1 })
  const { request } = client
  const login = await request("POST", "/auth/user/emailpass", { body: { email: DEMO.adminEmail, password: DEMO.adminPassword } })
  if (login.status !== 200) throw new Error(`Admin login failed: ${login.status} ${login.text}`)
  const token = login.json.token

  // What staff do in the admin's Customers page: open it, search, go far down, sort.
  const deepOffset = Math.min(10_000, Math.floor(listed / 2 / 20) * 20)
  const queries = [
    { name: "default list (50, by id)", path: "/admin/customers", count: listed },
    { name: "first page of 20, newest first", path: "/admin/customers?limit=20&order=-created_at", count: listed },
    { name: 'search q="wilson4"', path: "/admin/customers?limit=20&q=wilson4" },
    { name: `page ${deepOffset / 20 + 1} of 20, newest first`, path: `/admin/customers?limit=20&offset=${deepOffset}&order=-created_at`, count: listed },
    { name: "has an account, by email", path: "/admin/customers?limit=20&has_account=true&order=email" },
  ]
  const failures = []
  const ours = async (query) => {
    const res = await request("GET", query.path, { token })
    const customers = res.json?.customers
    if (res.status !== 200 || !customers?.length) failures.push(`ours ${query.name}: ${res.status} ${res.text.slice(0, 200)}`)
    else if (customers.some((customer) => isArchived(customer.id))) failures.push(`ours ${query.name}: an archived customer is listed`)
    else if (query.count !== undefined && res.json.count !== query.count) failures.push(`ours ${query.name}: count ${res.json.count}, expected ${query.count}`)
    return res.ms
  }
  const core = async (query) => {
    const res = await request("GET", `${query.path}${query.path.includes("?") ? "&" : "?"}id[$nin][]=cus_none`, { token })
    if (res.status !== 200 || !res.json?.customers?.length) failures.push(`core ${query.name}: ${res.status} ${res.text.slice(0, 200)}`)
    return res.ms
  }

  say("Warming up")
  for (const query of queries) {
    for (let i = 0; i < 3; i++) {
      await ours(query)
      await core(query)
    }
  }

  const loadBefore = os.loadavg()
  say(`${settings.rounds} rounds of every query, ours and core alternately, one request at a time`)
  const times = new Map(queries.map((query) => [query.name, { ours: [], core: [] }]))
  for (let round = 0; round < settings.rounds; round++) {
    for (const query of queries) {
      // Who goes first alternates, so neither always meets a warmer cache.
      const pair =
        round % 2
          ? [
              ["core", core],
              ["ours", ours],
            ]
          : [
              ["ours", ours],
              ["core", core],
            ]
      for (const [who, call] of pair) times.get(query.name)[who].push(await call(query))
    }
  }

  let met = true
  const rows = queries.map((query) => {
    const t = times.get(query.name)
    const s = { o50: percentile(t.ours, 50), o95: percentile(t.ours, 95), c50: percentile(t.core, 50), c95: percentile(t.core, 95) }
    const ok = s.o50 <= s.c50 + TARGET_MS && s.o95 <= s.c95 + TARGET_MS
    met &&= ok
    return {
      query: query.name,
      "ours p50": s.o50.toFixed(1),
      "core p50": s.c50.toFixed(1),
      "ours p95": s.o95.toFixed(1),
      "core p95": s.c95.toFixed(1),
      "p95 ours−core": (s.o95 - s.c95).toFixed(1),
      [`≤ core + ${TARGET_MS} ms`]: ok ? "met" : "NOT met",
    }
  })
  console.log(
    `\n${settings.customers.toLocaleString("en-GB")} generated customers (${archived.toLocaleString("en-GB")} archived) plus the demo's; ` +
      `${settings.rounds} requests per cell, ms`
  )
  console.log(`machine: ${machine()} (load before the timed rounds: ${loadBefore.map((n) => n.toFixed(2)).join(" ")})`)
  console.table(rows)
  console.log(`target ours ≤ core + ${TARGET_MS} ms at median and p95: ${met ? "met" : "NOT met"}`)
  if (failures.length) {
    console.error(`\n${failures.length} wrong answers, e.g.:\n  ${failures.slice(0, 5).join("\n  ")}`)
    process.exitCode = 1
  }
  client.close()
} catch (error) {
  console.error(error)
  process.exitCode = 1
} finally {
  await stack.stopAll()
  process.exit(process.exitCode ?? 0)
}
