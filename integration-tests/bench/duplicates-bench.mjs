#!/usr/bin/env node
// `npm run bench:duplicates`: duplicate-customer suggestions and a merge on a database of
// 1,000,000 customers (with profiles, extra emails and phones, addresses) and 10,000 planted
// duplicates (duplicate-customers.sql). Times the first page of GET /admin/crm/duplicates, then
// walks every page to the end and checks that each planted pair was suggested with the right
// reason; times a full GROUP BY over the emails for comparison, and a preview and a merge of one
// planted pair. Prints the figures; fails if a planted pair is missing or an answer is wrong.
//
// Settings (environment): BENCH_CUSTOMERS (1000000), BENCH_PAGE (50), BENCH_ROUNDS (20 first pages),
// DATABASE_URL to use a PostgreSQL server you already have (else an embedded one is started).
import { readFile } from "node:fs/promises"
import os from "node:os"
import path from "node:path"
import { fileURLToPath } from "node:url"
import { performance } from "node:perf_hooks"
import pg from "pg"
import { DEMO } from "../../scripts/lib/stack.mjs"
import { benchStack, httpClient, percentile, say } from "./stack.mjs"

const settings = {
  customers: Number(process.env.BENCH_CUSTOMERS ?? 1_000_000),
  page: Number(process.env.BENCH_PAGE ?? 50),
  rounds: Number(process.env.BENCH_ROUNDS ?? 20),
}
const HERE = path.dirname(fileURLToPath(import.meta.url))
const ms = (value) => `${value.toFixed(1)} ms`

const stack = await benchStack({ name: "dupbench" })
try {
  const database = { url: stack.databaseUrl }

  say(`Generating ${settings.customers.toLocaleString("en-GB")} customers and ${Math.floor(settings.customers / 100).toLocaleString("en-GB")} duplicates`)
  const t0 = performance.now()
  const client = new pg.Client({ connectionString: database.url })
  await client.connect()
  const script = (await readFile(path.join(HERE, "duplicate-customers.sql"), "utf8"))
    .replaceAll("{{CUSTOMERS}}", String(settings.customers))
    .replaceAll("{{PROFILE_LINK_TABLE}}", stack.tables.PROFILE_LINK_TABLE)
  await client.query("BEGIN")
  for (const statement of script
    .split(/;\s*\n/)
    .map((part) => part.replace(/^\s*--.*$/gm, "").trim())
    .filter(Boolean)) {
    await client.query(statement)
  }
  await client.query("COMMIT")
  for (const table of ["customer", "customer_address", "customer_contact_method", "customer_profile", stack.tables.PROFILE_LINK_TABLE]) {
    await client.query(`VACUUM ANALYZE ${table}`)
  }
  console.log(`  generated in ${((performance.now() - t0) / 1000).toFixed(1)} s`)

  // The planted pairs, by the reason they were planted for.
  const planted = await client.query(
    `SELECT 'cus_dupbench' || substr(id, 15) AS original, id AS duplicate,
            CASE substr(id, 15)::int % 300 WHEN 0 THEN 'email' WHEN 100 THEN 'phone' ELSE 'name_address' END AS reason
       FROM customer WHERE id LIKE 'cus_dupbench_d%'`
  )

  say("Starting Medusa (production mode, no admin)")
  const server = await stack.startServer()
  const { request, close } = httpClient(server.base)
  const signedIn = await request("POST", "/auth/user/emailpass", { body: { email: DEMO.adminEmail, password: DEMO.adminPassword } })
  if (signedIn.status !== 200) throw new Error(`Admin login failed: ${signedIn.status}`)
  const token = signedIn.json.token
  const page = async (cursor) => {
    const response = await request("GET", `/admin/crm/duplicates?limit=${settings.page}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`, { token })
    if (response.status !== 200) throw new Error(`GET /admin/crm/duplicates answered ${response.status}: ${JSON.stringify(response.json)}`)
    return response
  }

  say(`First page of suggestions, ${settings.rounds} times`)
  const firstPairs = (await page(null)).json.pairs.length
  const firstPage = []
  for (let i = 0; i < settings.rounds; i++) firstPage.push((await page(null)).ms)

  say("Every page, to the end")
  const found = new Map()
  const pageTimes = []
  let cursor = null
  const walkStart = performance.now()
  do {
    const response = await page(cursor)
    pageTimes.push(response.ms)
    for (const pair of response.json.pairs) {
      found.set(
        [pair.primary.id, pair.secondary.id].sort().join("|"),
        pair.reasons.map((reason) => reason.kind)
      )
    }
    cursor = response.json.next_cursor
  } while (cursor)
  const walkSeconds = (performance.now() - walkStart) / 1000
  const missing = planted.rows.filter((row) => {
    const reasons = found.get([row.original, row.duplicate].sort().join("|"))
    return !reasons || reasons[0] !== row.reason
  })
  const byReason = {}
  for (const reasons of found.values()) byReason[reasons[0]] = (byReason[reasons[0]] ?? 0) + 1

  say("For comparison: one GROUP BY over every email (what a page would cost without the index walks)")
  const naive = []
  for (let i = 0; i < 3; i++) {
    const t = performance.now()
    await client.query(`SELECT lower(email), count(*) FROM customer WHERE deleted_at IS NULL GROUP BY 1 HAVING count(*) > 1`)
    naive.push(performance.now() - t)
  }

  say("Preview and merge of one planted pair")
  const pair = planted.rows.find((row) => row.reason === "email")
  const preview = await request("GET", `/admin/crm/merges/preview?primary_id=${pair.original}&secondary_id=${pair.duplicate}`, { token })
  const merge = await request("POST", "/admin/crm/merges", { token, body: { primary_id: pair.original, secondary_id: pair.duplicate } })
  const merged = merge.status === 201 && (await client.query(`SELECT deleted_at FROM customer WHERE id = $1`, [pair.duplicate])).rows[0].deleted_at !== null
  await client.end()

  const customers = settings.customers + Math.floor(settings.customers / 100)
  console.log(`\n${customers.toLocaleString("en-GB")} customers, ${planted.rows.length.toLocaleString("en-GB")} planted duplicates, ${os.cpus().length} CPUs`)
  console.table([
    { what: `first page (${firstPairs} pairs)`, p50: ms(percentile(firstPage, 50)), p95: ms(percentile(firstPage, 95)), max: ms(Math.max(...firstPage)) },
    { what: `every page (${pageTimes.length} pages)`, p50: ms(percentile(pageTimes, 50)), p95: ms(percentile(pageTimes, 95)), max: ms(Math.max(...pageTimes)) },
    { what: "GROUP BY over all emails (SQL only)", p50: ms(percentile(naive, 50)), p95: ms(percentile(naive, 95)), max: ms(Math.max(...naive)) },
    { what: "merge preview", p50: ms(preview.ms), p95: "", max: "" },
    { what: "merge", p50: ms(merge.ms), p95: "", max: "" },
  ])
  console.log(
    `Whole list walked in ${walkSeconds.toFixed(1)} s: ${found.size.toLocaleString("en-GB")} pairs (${Object.entries(byReason)
      .map(([reason, n]) => `${reason} ${n}`)
      .join(", ")})`
  )
  console.log(`First page p95 is ${(percentile(naive, 50) / percentile(firstPage, 95)).toFixed(1)}× faster than one GROUP BY over the emails alone.`)
  console.log(`Planted pairs found with the right reason: ${planted.rows.length - missing.length} of ${planted.rows.length}`)
  if (missing.length) console.error(`Missing, e.g.: ${JSON.stringify(missing.slice(0, 5))}`)
  console.log(`Preview ${preview.status}, merge ${merge.status}${merged ? " (the duplicate is deleted)" : ""}`)
  if (missing.length || !firstPairs || preview.status !== 200 || !merged) process.exitCode = 1
  close()
} catch (error) {
  console.error(error)
  process.exitCode = 1
} finally {
  await stack.stopAll()
  process.exit(process.exitCode ?? 0)
}
