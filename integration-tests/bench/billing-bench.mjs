#!/usr/bin/env node
// `npm run bench:billing`: issue #17's speed targets, each printed beside what it is measured against.
// - The staff Invoices list (GET /admin/invoices) at 1,000,000 invoices (set-based SQL below) for each
//   filter and sort, p95 ≤ 50 ms, beside Medusa's own GET /admin/orders over 1,000,000 orders with the
//   nearest filters (none, customer, status, creation dates) in the same run, and no slower than it.
// - An invoice PDF (GET /admin/invoices/:id/pdf), p95 ≤ 100 ms.
// - A five-year account statement (about 250 invoices and payments), p95 ≤ 200 ms, when the statement
//   route is installed.
// Every answer is checked (status, rows, the filter holding), so a fast wrong answer fails the run.
//
// Settings (environment): BENCH_BILLING_INVOICES (1000000), BENCH_BILLING_ROUNDS (30),
// DATABASE_URL to use your PostgreSQL server.
import os from "node:os"
import { performance } from "node:perf_hooks"
import pg from "pg"
import { DEMO } from "../../scripts/lib/stack.mjs"
import { benchStack, httpClient, percentile, say } from "./stack.mjs"

const settings = {
  invoices: Number(process.env.BENCH_BILLING_INVOICES ?? 1_000_000),
  rounds: Number(process.env.BENCH_BILLING_ROUNDS ?? 30),
}
const TARGETS = { list: 50, pdf: 100, statement: 200 }
const CUSTOMERS = Math.max(100, Math.floor(settings.invoices / 40))
const machine = () =>
  `${os.cpus().length} × ${os.cpus()[0]?.model ?? "CPU"}, ${Math.round(os.totalmem() / 2 ** 30)} GB, load ${os
    .loadavg()
    .map((n) => n.toFixed(2))
    .join(" ")}`

/**
 * Customers `cus_billbench…`, each with invoices spread over five years (one line each, payments on
 * the paid and part-paid ones), and as many Medusa orders with the same customers, statuses and dates.
 * Customer 1 is the statement's: 125 invoices and their payments over five years.
 */
async function generate(db) {
  await db.query("BEGIN")
  await db.query(
    `INSERT INTO customer (id, first_name, last_name, email, has_account, created_at, updated_at)
     SELECT 'cus_billbench' || lpad(g::text, 7, '0'), 'Bench', 'Customer ' || g, 'billbench' || g || '@example.com', false, now() - interval '6 years', now()
       FROM generate_series(1, $1::int) g`,
    [CUSTOMERS]
  )
  // Statuses: 60% paid, 14% issued (a third of those past due), 10% part paid, 6% void, 10% draft.
  await db.query(
    `INSERT INTO invoice (id, number, status, customer_id, currency_code, issued_at, due_at, due_rule, terms_days, bill_to, seller,
                          subtotal, tax_total, total, paid_total, credited_total, raw_subtotal, raw_tax_total, raw_total, raw_paid_total,
                          raw_credited_total, created_at, updated_at)
     SELECT 'inv_bb' || lpad(g::text, 8, '0'),
            CASE WHEN s.status = 'draft' THEN NULL ELSE 'BB-' || lpad(g::text, 8, '0') END,
            s.status, 'cus_billbench' || lpad((CASE WHEN g % 8000 = 0 THEN 1 ELSE 2 + g % ($2::int - 1) END)::text, 7, '0'), 'gbp',
            CASE WHEN s.status = 'draft' THEN NULL ELSE t.at END,
            CASE WHEN s.status = 'draft' THEN NULL ELSE t.at + interval '14 days' END,
            'company', 14, '{"name":"Bench Customer","company":null,"email":null,"address_lines":[],"tax_id":null}'::jsonb,
            '{"name":"Brightside Home Services","address_lines":[],"tax_registration_number":null,"bank_details":null,"footer":null,"email":null,"phone":null}'::jsonb,
            m.net, m.tax, m.net + m.tax,
            CASE s.status WHEN 'paid' THEN m.net + m.tax WHEN 'partially_paid' THEN 20 ELSE 0 END, 0,
            jsonb_build_object('value', m.net::text, 'precision', 20), jsonb_build_object('value', m.tax::text, 'precision', 20),
            jsonb_build_object('value', (m.net + m.tax)::text, 'precision', 20),
            jsonb_build_object('value', (CASE s.status WHEN 'paid' THEN m.net + m.tax WHEN 'partially_paid' THEN 20 ELSE 0 END)::text, 'precision', 20),
            '{"value":"0","precision":20}'::jsonb, t.at, t.at
       FROM generate_series(1, $1::int) g
       CROSS JOIN LATERAL (SELECT now() - interval '5 years' + (g::float / $1::int) * interval '5 years' - interval '1 day' AS at) t
       CROSS JOIN LATERAL (SELECT (40 + (g * 7) % 260)::numeric AS net, ((40 + (g * 7) % 260) * 0.2)::numeric AS tax) m
       CROSS JOIN LATERAL (SELECT CASE WHEN g % 50 < 30 THEN 'paid' WHEN g % 50 < 37 THEN 'issued' WHEN g % 50 < 42 THEN 'partially_paid'
                                       WHEN g % 50 < 45 THEN 'void' ELSE 'draft' END AS status) s`,
    [settings.invoices, CUSTOMERS]
  )
  await db.query(
    `INSERT INTO invoice_line (id, invoice_id, rank, description, quantity, unit_price, tax_rate, tax_code, subtotal, tax_total, total,
                               raw_unit_price, raw_tax_rate, raw_subtotal, raw_tax_total, raw_total, visit_date, created_at, updated_at)
     SELECT 'invl_' || substr(i.id, 5), i.id, 0, 'Regular Home Clean · 3 bedrooms', 1, i.subtotal, 20, 'VAT', i.subtotal, i.tax_total, i.total,
            i.raw_subtotal, '{"value":"20","precision":20}'::jsonb, i.raw_subtotal, i.raw_tax_total, i.raw_total, i.created_at, i.created_at, i.created_at
       FROM invoice i WHERE i.id LIKE 'inv_bb%'`
  )
  await db.query(
    `INSERT INTO invoice_payment (id, invoice_id, kind, method, amount, raw_amount, reference, paid_at, created_at, updated_at)
     SELECT 'invpay_' || substr(i.id, 5), i.id, 'payment', 'bank_transfer', i.paid_total, i.raw_paid_total, 'BACS', i.issued_at + interval '5 days',
            i.created_at, i.created_at
       FROM invoice i WHERE i.id LIKE 'inv_bb%' AND i.status IN ('paid', 'partially_paid')`
  )
  // Medusa's orders with the same customers, dates and a status each (completed, pending, canceled).
  await db.query(
    `INSERT INTO "order" (id, customer_id, version, status, email, currency_code, created_at, updated_at)
     SELECT 'order_bb' || substr(i.id, 7), i.customer_id, 1,
            (CASE WHEN i.status = 'void' THEN 'canceled' WHEN i.status = 'draft' THEN 'pending' ELSE 'completed' END)::order_status_enum,
            'billbench@example.com', 'gbp', i.created_at, i.created_at
       FROM invoice i WHERE i.id LIKE 'inv_bb%'`
  )
  await db.query("COMMIT")
  for (const table of ["customer", "invoice", "invoice_line", "invoice_payment", '"order"']) await db.query(`VACUUM ANALYZE ${table}`)
}

const summary = (latencies) => ({ p50: percentile(latencies, 50), p95: percentile(latencies, 95) })

const stack = await benchStack({ name: "billing-bench" })
try {
  const db = new pg.Client({ connectionString: stack.databaseUrl })
  await db.connect()
  say(`Generating ${settings.invoices.toLocaleString("en-GB")} invoices and as many Medusa orders for ${CUSTOMERS.toLocaleString("en-GB")} customers`)
  const t0 = performance.now()
  await generate(db)
  console.log(`  generated in ${((performance.now() - t0) / 1000).toFixed(1)} s`)
  const month = (await db.query(`SELECT (now() - interval '2 years')::date AS from, (now() - interval '2 years' + interval '1 month')::date AS to`)).rows[0]
  const day = (value) => value.toISOString().slice(0, 10)
  const sampleId = `inv_bb${String(Math.floor(settings.invoices / 2) + 2).padStart(8, "0")}`
  const [sampleCustomer] = (await db.query(`SELECT customer_id FROM invoice WHERE id = $1`, [sampleId])).rows
  const statementCustomer = "cus_billbench0000001"
  await db.end()

  say("Starting Medusa (production mode, no admin)")
  const server = await stack.startServer()
  const { request, close } = httpClient(server.base, { maxSockets: 1 })
  const login = await request("POST", "/auth/user/emailpass", { body: { email: DEMO.adminEmail, password: DEMO.adminPassword } })
  if (login.status !== 200) throw new Error(`Admin login failed: ${login.status} ${login.text}`)
  const token = login.json.token
  const failures = []
  const timed = async (name, path, check) => {
    const res = await request("GET", path, { token })
    const problem = res.status !== 200 ? `${res.status} ${res.text.slice(0, 200)}` : check?.(res)
    if (problem) failures.push(`${name}: ${problem}`)
    return res.ms
  }
  const customerId = sampleCustomer.customer_id
  // The 500th page at a million, further up on a smaller run.
  const deepOffset = Math.min(9_980, Math.floor(settings.invoices / 40) * 20)
  const range = `issued_from=${day(month.from)}&issued_to=${day(month.to)}`
  const orderFields = "fields=id,display_id,status,email,created_at,customer_id,currency_code"
  const every = (predicate, label) => (res) =>
    !res.json?.invoices?.length ? "no invoices listed" : res.json.invoices.every(predicate) ? null : `an invoice listed is not ${label}`
  const someOrders = (res) => (res.json?.orders?.length ? null : "no orders listed")
  // Each of ours with the core route nearest to it (null: core has no such filter).
  const cases = [
    ["newest first", "/admin/invoices?limit=20", every(() => true, ""), `/admin/orders?limit=20&order=-created_at&${orderFields}`],
    [
      "a customer's",
      `/admin/invoices?limit=20&customer_id=${customerId}`,
      every((i) => i.customer_id === customerId, "the customer's"),
      `/admin/orders?limit=20&customer_id=${customerId}&${orderFields}`,
    ],
    [
      "status paid",
      "/admin/invoices?limit=20&status=paid",
      every((i) => i.status === "paid", "paid"),
      `/admin/orders?limit=20&status=completed&${orderFields}`,
    ],
    ["status void", "/admin/invoices?limit=20&status=void", every((i) => i.status === "void", "void"), `/admin/orders?limit=20&status=canceled&${orderFields}`],
    ["overdue", "/admin/invoices?limit=20&overdue=true", every((i) => i.overdue, "overdue"), null],
    [
      "issued in one month",
      `/admin/invoices?limit=20&${range}`,
      every((i) => i.issued_at >= day(month.from), "in the month"),
      `/admin/orders?limit=20&created_at[$gte]=${day(month.from)}&created_at[$lt]=${day(month.to)}&${orderFields}`,
    ],
    ["£300 or more", "/admin/invoices?limit=20&min_total=300", every((i) => i.total >= 300, "≥ £300"), null],
    ["due soonest", "/admin/invoices?limit=20&order=due_at", every(() => true, ""), null],
    ["largest first", "/admin/invoices?limit=20&order=-total", every(() => true, ""), null],
    ["by number", "/admin/invoices?limit=20&order=number", every(() => true, ""), null],
    [
      `page ${deepOffset / 20 + 1}`,
      `/admin/invoices?limit=20&offset=${deepOffset}`,
      every(() => true, ""),
      `/admin/orders?limit=20&offset=${deepOffset}&order=-created_at&${orderFields}`,
    ],
  ]

  say("Warming up")
  for (const [name, ours, check, core] of cases) {
    for (let i = 0; i < 2; i++) {
      await timed(name, ours, check)
      if (core) await timed(`core ${name}`, core, someOrders)
    }
  }

  say(`Invoices list vs GET /admin/orders, ${settings.rounds} rounds, alternating, one request at a time`)
  const rows = []
  let met = true
  for (const [name, ours, check, core] of cases) {
    const a = []
    const b = []
    for (let i = 0; i < settings.rounds; i++) {
      a.push(await timed(name, ours, check))
      if (core) b.push(await timed(`core ${name}`, core, someOrders))
    }
    const s = summary(a)
    const c = core ? summary(b) : null
    const ok = s.p95 <= TARGETS.list && (!c || s.p95 <= c.p95)
    met &&= ok
    rows.push({
      "invoices list": name,
      "p50 ms": s.p50.toFixed(1),
      "p95 ms": s.p95.toFixed(1),
      "core orders p95 ms": c ? c.p95.toFixed(1) : "—",
      [`≤ ${TARGETS.list} ms and ≤ core`]: ok ? "met" : "NOT met",
    })
  }

  say("Invoice PDF and a five-year statement")
  const pdfTimes = []
  for (let i = 0; i < settings.rounds; i++) {
    const id = `inv_bb${String(1 + ((i * 7919) % settings.invoices)).padStart(8, "0")}`
    pdfTimes.push(await timed("pdf", `/admin/invoices/${id}/pdf`, (res) => (res.text.startsWith("%PDF-") ? null : "not a PDF")))
  }
  const from = new Date(Date.now() - 5 * 365 * 86_400_000).toISOString().slice(0, 10)
  const statementPath = `/admin/customers/${statementCustomer}/statement?from=${from}&to=${new Date().toISOString().slice(0, 10)}`
  const probe = await request("GET", statementPath, { token })
  const statementTimes = []
  if (probe.status === 404 && !probe.json?.message?.includes(statementCustomer)) {
    console.log("  (no statement route installed: skipped)")
  } else {
    for (let i = 0; i < settings.rounds; i++) statementTimes.push(await timed("statement", statementPath))
  }
  const pdf = summary(pdfTimes)
  const other = [
    {
      measured: "invoice PDF",
      "p50 ms": pdf.p50.toFixed(1),
      "p95 ms": pdf.p95.toFixed(1),
      "target ms": TARGETS.pdf,
      result: pdf.p95 <= TARGETS.pdf ? "met" : "NOT met",
    },
  ]
  met &&= pdf.p95 <= TARGETS.pdf
  if (statementTimes.length) {
    const st = summary(statementTimes)
    const entries = probe.json?.statement?.entries?.length ?? "?"
    other.push({
      measured: `statement, 5 years (${entries} entries)`,
      "p50 ms": st.p50.toFixed(1),
      "p95 ms": st.p95.toFixed(1),
      "target ms": TARGETS.statement,
      result: st.p95 <= TARGETS.statement ? "met" : "NOT met",
    })
    met &&= st.p95 <= TARGETS.statement
  }

  console.log(`\n${settings.invoices.toLocaleString("en-GB")} invoices and orders; ${machine()}`)
  console.table(rows)
  console.table(other)
  console.log(met ? "All targets met." : "Some targets NOT met.")
  if (failures.length) console.error(`\n${failures.length} wrong answers, e.g.:\n  ${failures.slice(0, 5).join("\n  ")}`)
  if (!met || failures.length) process.exitCode = 1
  close()
} catch (error) {
  console.error(error)
  process.exitCode = 1
} finally {
  await stack.stopAll()
}
