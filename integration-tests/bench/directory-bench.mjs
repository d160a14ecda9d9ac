#!/usr/bin/env node
// `npm run bench:directory`: the staff customer directory's search (GET /admin/crm/customers?q=)
// side by side with Medusa core's GET /admin/customers?q= on the same database in the same run:
// the demo business plus 1,000,000 generated customers (seeds/src/crm-scale.ts) with profiles,
// extra phones and emails, tags, custom-field values, business profiles and visits.
// Queries are what staff type: part of an email, a phone number written another way, a name, a
// surname being typed, a business name, a postcode (with or without its space), a street and
// town. Every answer is checked (the customer a query was made from must be found, or for
// shared names and places some customer), so a fast wrong answer fails the run. Prints p50/p95/p99 for both
// and the ratio; targets: our p95 ≤ 20 ms and ≥ 50× faster than core. Then every list without a
// search (each filter, each order both ways, directory-lists.mjs), each p95 ≤ 50 ms. Exits 1 when
// an answer is wrong or a list misses its target.
//
// Settings (environment): BENCH_DIRECTORY_CUSTOMERS (1000000), BENCH_DIRECTORY_QUERIES (300),
// BENCH_DIRECTORY_ROUNDS (3), BENCH_CORE_QUERIES (40), BENCH_DIRECTORY_LIST_REQUESTS (20),
// DATABASE_URL to use your PostgreSQL server.
import os from "node:os"
import path from "node:path"
import { performance } from "node:perf_hooks"
import pg from "pg"
import { run } from "../../scripts/lib/processes.mjs"
import { DEMO, ROOT } from "../../scripts/lib/stack.mjs"
import { directoryListCases, TARGET_LIST_P95_MS, timeDirectoryLists } from "./directory-lists.mjs"
import { benchStack, httpClient, percentile, say } from "./stack.mjs"

const settings = {
  customers: Number(process.env.BENCH_DIRECTORY_CUSTOMERS ?? 1_000_000),
  queries: Number(process.env.BENCH_DIRECTORY_QUERIES ?? 300),
  rounds: Number(process.env.BENCH_DIRECTORY_ROUNDS ?? 3),
  coreQueries: Number(process.env.BENCH_CORE_QUERIES ?? 40),
  listRequests: Number(process.env.BENCH_DIRECTORY_LIST_REQUESTS ?? 20),
}
const TARGET_P95_MS = 20
const TARGET_RATIO = 50
const summary = (latencies) => ({
  n: latencies.length,
  p50: percentile(latencies, 50),
  p95: percentile(latencies, 95),
  p99: percentile(latencies, 99),
})

const stack = await benchStack({ name: "directory-bench" })
try {
  const { databaseUrl } = stack
  const { PROFILE_LINK_TABLE } = stack.tables
  say(`Generating ${settings.customers.toLocaleString("en-GB")} customers (profiles, phones, tags, custom fields, visits)`)
  const t0 = performance.now()
  await run(path.join(ROOT, "node_modules/.bin/medusa"), ["exec", "./seeds/src/crm-scale.ts"], {
    cwd: ROOT,
    label: "crm-scale",
    quiet: true,
    env: { DATABASE_URL: databaseUrl, MEDUSA_ADMIN_DISABLED: "true", CRM_CUSTOMERS: String(settings.customers) },
  })
  console.log(`  generated in ${((performance.now() - t0) / 1000).toFixed(1)} s`)

  // The queries, made from real rows: each knows which customer it must find.
  const db = new pg.Client({ connectionString: databaseUrl })
  await db.connect()
  const { rows: samples } = await db.query(
    `select c.id, c.email, c.first_name, c.last_name, c.phone,
            (select m.value from customer_contact_method m where m.profile_id = l.customer_profile_id and m.kind = 'phone' limit 1) as landline,
            (select b.name from business_profile b where b.customer_id = c.id limit 1) as business,
            (select a.postal_code from customer_address a where a.customer_id = c.id limit 1) as postcode,
            (select a.address_1 || ' ' || a.city from customer_address a where a.customer_id = c.id limit 1) as street_and_town
       from generate_series(1, $1::int) as k
       join customer c on c.id = 'cus_crm_' || lpad((1 + (k::bigint * 2654435761) % $2::bigint)::text, 7, '0')
       join ${PROFILE_LINK_TABLE} l on l.customer_id = c.id
       join customer_profile p on p.id = l.customer_profile_id and p.status = 'active'`,
    [settings.queries, settings.customers]
  )
  await db.end()
  if (!samples.length) throw new Error("No generated customers found")
  const nationalMobile = (phone) => "0" + phone.replace(/\D/g, "").slice(2)
  const queries = samples.map((row, k) => {
    switch (k % 10) {
      case 0: // part of the email, as typed
        return { kind: "email", q: row.email.split("@")[0], expect: row.id }
      case 1: // the mobile written nationally, stored as +44 …
        return { kind: "phone, other format", q: nationalMobile(row.phone).replace(/^(\d{5})/, "$1 "), expect: row.id }
      case 2: // the mobile as +44, found through the profile's 07… number too
        return { kind: "phone, international", q: row.phone, expect: row.id }
      case 3: // full name: many customers share it
        return { kind: "full name", q: `${row.first_name} ${row.last_name}`.toLowerCase(), expect: "any" }
      case 4: // a surname half typed
        return { kind: "surname being typed", q: row.last_name.slice(0, 4).toLowerCase(), expect: "any" }
      case 5:
        return row.landline ? { kind: "landline", q: row.landline, expect: row.id } : { kind: "email", q: row.email, expect: row.id }
      case 6:
        return row.business
          ? { kind: "business name", q: row.business.toLowerCase(), expect: "any" }
          : { kind: "name + postcode area", q: `${row.last_name} ${row.postcode.split(" ")[0]}`.toLowerCase(), expect: "any" }
      case 7:
        return { kind: "postcode", q: row.postcode, expect: "any" }
      case 8: // typed without its space
        return { kind: "postcode without space", q: row.postcode.replace(/\s/g, ""), expect: "any" }
      default: // "14 larch avenue bristol"
        return { kind: "street and town", q: row.street_and_town.toLowerCase(), expect: "any" }
    }
  })

  say("Starting Medusa (production mode, no admin)")
  const server = await stack.startServer()
  const client = httpClient(server.base, { maxSockets: 4 })
  const { request } = client
  const login = await request("POST", "/auth/user/emailpass", { body: { email: DEMO.adminEmail, password: DEMO.adminPassword } })
  if (login.status !== 200) throw new Error(`Admin login failed: ${login.status} ${login.text}`)
  const token = login.json.token

  const failures = []
  const ours = { all: [], byKind: new Map() }
  const core = []
  const search = async (query) => {
    const res = await request("GET", `/admin/crm/customers?limit=20&q=${encodeURIComponent(query.q)}`, { token })
    const body = res.status === 200 ? res.json : null
    const found = body && (query.expect === "any" ? body.customers.length > 0 : body.customers.some((c) => c.id === query.expect))
    if (!found) failures.push(`directory "${query.q}" (${query.kind}): ${res.status} ${res.text.slice(0, 200)}`)
    return res.ms
  }
  const coreSearch = async (query) => {
    const res = await request("GET", `/admin/customers?limit=20&q=${encodeURIComponent(query.q)}`, { token })
    if (res.status !== 200) failures.push(`core "${query.q}": ${res.status} ${res.text.slice(0, 200)}`)
    return res.ms
  }

  say("Warming up")
  for (const query of queries.slice(0, 20)) await search(query)
  for (const query of queries.slice(0, 2)) await coreSearch(query)

  say(`${settings.rounds} rounds of ${queries.length} directory searches, ${settings.coreQueries} core searches between them, one at a time`)
  const coreEvery = Math.max(1, Math.floor((queries.length * settings.rounds) / settings.coreQueries))
  let n = 0
  for (let round = 0; round < settings.rounds; round++) {
    for (const query of queries) {
      const ms = await search(query)
      ours.all.push(ms)
      if (!ours.byKind.has(query.kind)) ours.byKind.set(query.kind, [])
      ours.byKind.get(query.kind).push(ms)
      if (n++ % coreEvery === 0 && core.length < settings.coreQueries) core.push(await coreSearch(query))
    }
  }

  say(`Lists without a search: every filter and order, ${settings.listRequests} requests each`)
  const listCases = directoryListCases({ customers: settings.customers })
  await timeDirectoryLists(request, token, listCases, 1)
  const lists = await timeDirectoryLists(request, token, listCases, settings.listRequests)
  failures.push(...lists.failures)

  const oursSummary = summary(ours.all)
  const coreSummary = summary(core)
  const ratio = coreSummary.p95 / oursSummary.p95
  console.log(`\n${settings.customers.toLocaleString("en-GB")} customers, ${os.cpus().length} CPUs, one request at a time`)
  console.table([
    {
      route: "directory GET /admin/crm/customers?q=",
      searches: oursSummary.n,
      "p50 ms": oursSummary.p50.toFixed(1),
      "p95 ms": oursSummary.p95.toFixed(1),
      "p99 ms": oursSummary.p99.toFixed(1),
    },
    {
      route: "core GET /admin/customers?q=",
      searches: coreSummary.n,
      "p50 ms": coreSummary.p50.toFixed(1),
      "p95 ms": coreSummary.p95.toFixed(1),
      "p99 ms": coreSummary.p99.toFixed(1),
    },
  ])
  console.table(
    [...ours.byKind].map(([kind, latencies]) => {
      const s = summary(latencies)
      return { "directory search by": kind, searches: s.n, "p50 ms": s.p50.toFixed(1), "p95 ms": s.p95.toFixed(1) }
    })
  )
  console.table(lists.rows)
  const metP95 = oursSummary.p95 <= TARGET_P95_MS
  const metRatio = ratio >= TARGET_RATIO
  console.log(`directory p95 ${oursSummary.p95.toFixed(1)} ms (target ≤ ${TARGET_P95_MS} ms): ${metP95 ? "met" : "NOT met"}`)
  console.log(`core p95 / directory p95 = ${ratio.toFixed(1)}× (target ≥ ${TARGET_RATIO}×): ${metRatio ? "met" : "NOT met"}`)
  const listsMet = !lists.slow.length
  console.log(`lists without a search, every p95 ≤ ${TARGET_LIST_P95_MS} ms: ${listsMet ? "met" : `NOT met (${lists.slow.join(", ")})`}`)
  console.log(
    `load while measuring (uptime): ${os
      .loadavg()
      .map((load) => load.toFixed(2))
      .join(", ")}`
  )
  // Any target missed fails the run, so a slower search can't pass unnoticed.
  if (!listsMet || !metP95 || !metRatio) process.exitCode = 1
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
