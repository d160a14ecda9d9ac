#!/usr/bin/env node
// `npm run bench:cycles`: issue #18's billing-cycle speed targets, each beside Medusa's own figure.
// - A monthly run for BENCH_CYCLES_CUSTOMERS (10,000) customers with 4 completed visits each
//   (40,000 visits → 10,000 consolidated invoices) in ≤ 60 s, and a second run straight after in
//   ≤ 5 s making nothing. Beside it: Medusa making orders (4 lines each) through createOrderWorkflow,
//   BENCH_CYCLES_CORE_ORDERS of them, scaled to the same number.
// - The repeat visits' rolling job extending BENCH_SERIES_COUNT (10,000) weekly series by a week
//   (one visit each, booked like a customer's) in ≤ 30 s. Beside it: createOrderWorkflow, 1 line.
// Each run is the job's own function in a `medusa exec` process with the clock pinned, timed inside
// the process (start-up left out). Checked: every visit billed exactly once, one invoice per customer.
//
// Settings (environment): BENCH_CYCLES_CUSTOMERS (10000), BENCH_SERIES_COUNT (10000),
// BENCH_CYCLES_CORE_ORDERS (200), BENCH_CYCLES_PART ("billing" or "series" for one part only),
// DATABASE_URL to use your PostgreSQL server.
import os from "node:os"
import path from "node:path"
import pg from "pg"
import { startProcess } from "../../scripts/lib/processes.mjs"
import { ROOT } from "../../scripts/lib/stack.mjs"
import { checkSeries, generateSeries } from "./cycles-series.mjs"
import { benchStack, say } from "./stack.mjs"

const settings = {
  customers: Number(process.env.BENCH_CYCLES_CUSTOMERS ?? 10_000),
  series: Number(process.env.BENCH_SERIES_COUNT ?? 10_000),
  coreOrders: Number(process.env.BENCH_CYCLES_CORE_ORDERS ?? 200),
  part: process.env.BENCH_CYCLES_PART ?? "all",
}
const VISITS = 4
const TARGETS = { run: 60_000, rerun: 5_000, series: 30_000 }
const machine = () =>
  `${os.cpus().length} × ${os.cpus()[0]?.model ?? "CPU"}, ${Math.round(os.totalmem() / 2 ** 30)} GB, load ${os
    .loadavg()
    .map((n) => n.toFixed(2))
    .join(" ")}`

/** A `medusa exec` script on the bench database; resolves with the JSON it printed after `marker`. */
async function exec(databaseUrl, script, marker, env = {}) {
  let printed = ""
  const proc = startProcess(path.join(ROOT, "node_modules/.bin/medusa"), ["exec", script], {
    cwd: ROOT,
    env: { DATABASE_URL: databaseUrl, NODE_ENV: "production", MEDUSA_ADMIN_DISABLED: "true", LOG_LEVEL: "error", ...env },
    output: (chunk) => (printed += chunk),
  })
  const { code } = await proc.exited
  const match = new RegExp(`${marker} (.*)`).exec(printed)
  if (code !== 0 || !match) throw new Error(`${script} failed (exit ${code})\n${printed.slice(-4000)}`)
  return JSON.parse(match[1])
}

/**
 * Customers `cus_cyclebench…` on a monthly cycle closing on the last day, each with 4 visits done
 * last month, all billing a demo visit's order (its service and price).
 */
async function generate(db, lastMonth) {
  const [{ order_id: orderId }] = (await db.query("SELECT order_id FROM booking WHERE order_id IS NOT NULL AND status = 'completed' LIMIT 1")).rows
  await db.query("BEGIN")
  await db.query(
    `INSERT INTO customer (id, first_name, last_name, email, has_account, created_at, updated_at)
     SELECT 'cus_cyclebench' || lpad(g::text, 7, '0'), 'Cycle', 'Customer ' || g, 'cyclebench' || g || '@example.com', false, now(), now()
       FROM generate_series(1, $1::int) g`,
    [settings.customers]
  )
  await db.query(
    `INSERT INTO billing_cycle (id, customer_id, frequency, month_day)
     SELECT 'bcyc_bench' || lpad(g::text, 7, '0'), 'cus_cyclebench' || lpad(g::text, 7, '0'), 'monthly', NULL FROM generate_series(1, $1::int) g`,
    [settings.customers]
  )
  await db.query(
    `INSERT INTO booking (id, booking_number, customer_id, email, status, service_title, starts_at, ends_at, location_text, order_id, completed_at)
     SELECT 'bkg_cyclebench' || lpad(g::text, 7, '0') || v, 'BK-CB' || lpad(g::text, 7, '0') || v, 'cus_cyclebench' || lpad(g::text, 7, '0'),
            'cyclebench' || g || '@example.com', 'completed', 'Regular Home Clean', t.at, t.at + interval '2 hours', '14 Larch Avenue, Bristol, BS6 7QT', $2, t.at
       FROM generate_series(1, $1::int) g CROSS JOIN generate_series(1, ${VISITS}) v
       CROSS JOIN LATERAL (SELECT ($3::date + (v * 6) * interval '1 day' + interval '10 hours') AS at) t`,
    [settings.customers, orderId, lastMonth]
  )
  await db.query("COMMIT")
  await db.query("ANALYZE booking; ANALYZE billing_cycle; ANALYZE invoiced_visit; ANALYZE invoice")
}

const core = (databaseUrl, lines) =>
  exec(databaseUrl, "./integration-tests/bench/cycles-core-orders.cts", "CORE_ORDERS_RESULT", {
    BENCH_CYCLES_CORE_ORDERS: String(settings.coreOrders),
    BENCH_CYCLES_CORE_LINES: String(lines),
  })
/** Medusa's figure for `count` orders of `lines` lines, from the orders it made, scaled. */
const scaledCore = (result, count) => Math.round((result.ms / result.orders) * count)

/** The monthly billing run, then the same run again. */
async function billingPart(stack, db) {
  const now = new Date()
  const firstOfMonth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1, 12))
  const lastMonth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1)).toISOString().slice(0, 10)
  say(`Generating ${settings.customers.toLocaleString("en-GB")} monthly customers × ${VISITS} visits done in ${lastMonth.slice(0, 7)}`)
  await generate(db, lastMonth)

  const runEnv = { BILLING_CYCLES_NOW: firstOfMonth.toISOString() }
  const script = "./integration-tests/support/run-billing-cycles.cts"
  say("The monthly run")
  const first = await exec(stack.databaseUrl, script, "BILLING_CYCLES_RESULT", runEnv)
  say("The same run again, straight after")
  const second = await exec(stack.databaseUrl, script, "BILLING_CYCLES_RESULT", runEnv)
  say(`Medusa core: ${settings.coreOrders} orders of ${VISITS} lines through createOrderWorkflow`)
  const coreRun = await core(stack.databaseUrl, VISITS)

  const check = (
    await db.query(
      `SELECT (SELECT count(*)::int FROM booking b WHERE b.id LIKE 'bkg_cyclebench%'
                 AND (SELECT count(*) FROM invoiced_visit v WHERE v.booking_id = b.id AND v.deleted_at IS NULL) <> 1) AS wrong_visits,
              (SELECT count(*)::int FROM invoice WHERE customer_id LIKE 'cus_cyclebench%' AND status <> 'void') AS invoices`
    )
  ).rows[0]
  const wrong = check.wrong_visits !== 0 || check.invoices !== settings.customers || first.failed || second.failed
  if (wrong) console.error(`Wrong: ${check.wrong_visits} visits not billed exactly once, ${check.invoices} invoices for ${settings.customers} customers`)
  // Time grows with payers (batches of 500): at a reduced size, what 10,000 would take.
  const projected = (first.ms / settings.customers) * 10_000
  return {
    wrong,
    rows: [
      {
        measured: `monthly run: ${settings.customers.toLocaleString("en-GB")} invoices, ${(settings.customers * VISITS).toLocaleString("en-GB")} visits`,
        ms: first.ms,
        made: first.invoices,
        "Medusa core, same number of orders (scaled)": scaledCore(coreRun, settings.customers),
        "projected for 10,000": Math.round(projected),
        target: `≤ ${TARGETS.run}`,
        result: projected <= TARGETS.run && first.invoices === settings.customers ? "met" : "NOT met",
      },
      {
        measured: "second run straight after",
        ms: second.ms,
        made: second.invoices,
        "Medusa core, same number of orders (scaled)": "—",
        "projected for 10,000": "—",
        target: `≤ ${TARGETS.rerun}, nothing made`,
        result: second.ms <= TARGETS.rerun && second.invoices === 0 ? "met" : "NOT met",
      },
    ],
  }
}

/** The rolling job extending every weekly series by a week. */
async function seriesPart(stack, db) {
  const now = new Date()
  const today = now.toISOString().slice(0, 10)
  say(`Generating ${settings.series.toLocaleString("en-GB")} weekly series, each a week short of the horizon`)
  await generateSeries(db, settings.series, today)
  say("The repeat visits' run")
  // Noon UTC: the same date in the business's time zone.
  const run = await exec(stack.databaseUrl, "./integration-tests/support/run-booking-series-horizon.cts", "BOOKING_SERIES_RESULT", {
    BOOKING_SERIES_NOW: `${today}T12:00:00.000Z`,
  })
  say(`Medusa core: ${settings.coreOrders} orders of 1 line through createOrderWorkflow`)
  const coreRun = await core(stack.databaseUrl, 1)
  const check = await checkSeries(db)
  const wrong = check.wrong_series !== 0
  if (wrong) console.error(`Wrong: ${check.wrong_series} series without exactly one new visit (${check.visits} visits booked)`)
  const projected = (run.ms / settings.series) * 10_000
  return {
    wrong,
    rows: [
      {
        measured: `rolling job: ${settings.series.toLocaleString("en-GB")} weekly series + 1 week`,
        ms: run.ms,
        made: run.booked,
        "Medusa core, same number of orders (scaled)": scaledCore(coreRun, settings.series),
        "projected for 10,000": Math.round(projected),
        target: `≤ ${TARGETS.series}`,
        result: projected <= TARGETS.series && run.booked === settings.series ? "met" : "NOT met",
      },
    ],
  }
}

const stack = await benchStack({ name: "cycles" })
try {
  const db = new pg.Client({ connectionString: stack.databaseUrl })
  await db.connect()
  const parts = []
  if (settings.part !== "series") parts.push(await billingPart(stack, db))
  if (settings.part !== "billing") parts.push(await seriesPart(stack, db))
  await db.end()
  console.log(`\n${machine()}`)
  console.table(parts.flatMap((part) => part.rows))
  if (parts.some((part) => part.wrong || part.rows.some((row) => row.result !== "met"))) process.exitCode = 1
} catch (error) {
  console.error(error)
  process.exitCode = 1
} finally {
  await stack.stopAll()
  // As the directory bench: something in the stack's teardown would otherwise end the process with 0.
  process.exit(process.exitCode ?? 0)
}
