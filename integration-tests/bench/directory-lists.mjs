#!/usr/bin/env node
// The directory's lists without a search, for `npm run bench:directory`: every filter alone, every
// order both ways, the combinations staff use most, a deep page. Each is asked for one at a time,
// its answers checked (a filter's rows must match it, an order's page must be in order) and timed;
// target: p95 ≤ 50 ms each.
//
// Alone, against a server already running on a generated database (to iterate on indexes):
//   BENCH_BASE_URL=http://127.0.0.1:9000 node integration-tests/bench/directory-lists.mjs
// with DEMO_ADMIN_EMAIL / DEMO_ADMIN_PASSWORD if not the demo's, BENCH_DIRECTORY_LIST_REQUESTS (20),
// BENCH_DIRECTORY_CUSTOMERS (1000000) for the deep page.
import { pathToFileURL } from "node:url"
import { httpClient, percentile } from "./stack.mjs"

export const TARGET_LIST_P95_MS = 50

const DAY = 86_400_000
const day = (offset) => new Date(Date.now() + offset * DAY).toISOString().slice(0, 10)
const time = (iso) => (iso ? new Date(iso).getTime() : null)
/** The directory's name order (sort_name in the module): last and first name, else company, else email; byte order. */
const nameKey = (c) => ([c.last_name, c.first_name].filter(Boolean).join(" ").trim() || c.company_name || c.email).toLowerCase()

const every = (test, what) => (customers) => customers.every(test) || what
/** In order by `key`, nulls last, either way; ties are broken by id, which the answer carries. */
const ordered = (key, direction) => (customers) => {
  for (let k = 1; k < customers.length; k++) {
    const [a, b] = [key(customers[k - 1]), key(customers[k])]
    if (a === b) continue
    if (b === null) continue
    if (a === null || (direction > 0 ? a > b : a < b)) return `not in order at row ${k + 1}: ${a} then ${b}`
  }
  return true
}

/** Each case: a name, the query, and a check of its rows (true, or what is wrong). */
export function directoryListCases({ customers }) {
  const now = Date.now()
  const statusIs = (status) => every((c) => c.status === status, `a row not ${status}`)
  const deepOffset = Math.min(10_000, Math.floor(customers / 40) * 20)
  const sorts = [
    ["name", nameKey],
    ["email", (c) => c.email],
    ["created_at", (c) => time(c.created_at)],
    ["last_booking_at", (c) => time(c.last_booking_at)],
  ]
  return [
    ["status: archived", "status=archived", statusIs("archived")],
    ["status: blocked", "status=blocked", statusIs("blocked")],
    ["tag: VIP", "tag=VIP", every((c) => c.tags.includes("VIP"), "a row without VIP")],
    ["tag: Key holder", "tag=Key%20holder", every((c) => c.tags.includes("Key holder"), "a row without Key holder")],
    ["custom field: heard about us = Google", "custom[heard_about_us]=Google", every((c) => c.custom_values.heard_about_us === "Google", "wrong value")],
    ["custom field: gate code = 0007 (a few)", "custom[gate_code]=0007", every((c) => c.custom_values.gate_code === "0007", "wrong value")],
    ["upcoming visit: has one", "has_upcoming_booking=true", every((c) => c.next_booking_at, "a row without one")],
    ["upcoming visit: has none", "has_upcoming_booking=false", every((c) => !c.next_booking_at, "a row with one")],
    ["last visit: last 30 days", `last_booking_from=${day(-30)}`, every((c) => time(c.last_booking_at) >= now - 32 * DAY, "an older visit")],
    [
      "last visit: 200–100 days ago",
      `last_booking_from=${day(-200)}&last_booking_to=${day(-100)}`,
      every((c) => time(c.last_booking_at) >= now - 202 * DAY && time(c.last_booking_at) <= now - 98 * DAY, "a visit outside"),
    ],
    ["overdue invoices: has some", "has_overdue_invoices=true", every((c) => time(c.open_invoice_due_at) < now, "a row not overdue")],
    ["overdue invoices: has none", "has_overdue_invoices=false", every((c) => !c.open_invoice_due_at || time(c.open_invoice_due_at) >= now, "an overdue row")],
    ...sorts.flatMap(([field, key]) => [
      [`order: ${field}`, `order=${field}`, ordered(key, 1)],
      [`order: -${field}`, `order=-${field}`, ordered(key, -1)],
    ]),
    [
      "has upcoming visit, latest visit first",
      "has_upcoming_booking=true&order=-last_booking_at",
      (rows) => (rows.every((c) => c.next_booking_at) ? ordered(sorts[3][1], -1)(rows) : "a row without an upcoming visit"),
    ],
    [
      "overdue, by name",
      "has_overdue_invoices=true&order=name",
      (rows) => (rows.every((c) => time(c.open_invoice_due_at) < now) ? ordered(nameKey, 1)(rows) : "a row not overdue"),
    ],
    // A deep page: the 501st at a million customers, halfway down on a smaller run.
    [`page ${deepOffset / 20 + 1}, by name`, `offset=${deepOffset}`, ordered(nameKey, 1)],
  ]
}

/** Times each case `requests` times, one request at a time; returns a row per case and what was wrong. */
export async function timeDirectoryLists(request, token, cases, requests) {
  const rows = []
  const failures = []
  for (const [name, query, check] of cases) {
    const latencies = []
    for (let i = 0; i < requests; i++) {
      const res = await request("GET", `/admin/crm/customers?limit=20&${query}`, { token })
      latencies.push(res.ms)
      const customers = res.status === 200 ? res.json?.customers : null
      const verdict = !customers ? `${res.status} ${res.text.slice(0, 200)}` : !customers.length ? "no rows" : check(customers)
      if (verdict !== true && i === 0) failures.push(`${name}: ${verdict}`)
    }
    const p95 = percentile(latencies, 95)
    rows.push({ list: name, "p50 ms": percentile(latencies, 50).toFixed(1), "p95 ms": p95.toFixed(1), met: p95 <= TARGET_LIST_P95_MS ? "yes" : "NO" })
  }
  return { rows, failures, slow: rows.filter((row) => row.met !== "yes").map((row) => row.list) }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const base = process.env.BENCH_BASE_URL ?? "http://127.0.0.1:9000"
  const { request, close } = httpClient(base, { maxSockets: 1 })
  const login = await request("POST", "/auth/user/emailpass", {
    body: { email: process.env.DEMO_ADMIN_EMAIL ?? "admin@example.com", password: process.env.DEMO_ADMIN_PASSWORD ?? "supersecret" },
  })
  if (login.status !== 200) throw new Error(`Admin login failed: ${login.status} ${login.text}`)
  const cases = directoryListCases({ customers: Number(process.env.BENCH_DIRECTORY_CUSTOMERS ?? 1_000_000) })
  // Warm up: each list once.
  await timeDirectoryLists(request, login.json.token, cases, 1)
  const { rows, failures, slow } = await timeDirectoryLists(request, login.json.token, cases, Number(process.env.BENCH_DIRECTORY_LIST_REQUESTS ?? 20))
  console.table(rows)
  if (failures.length) console.error(`Wrong answers:\n  ${failures.join("\n  ")}`)
  if (slow.length) console.error(`p95 over ${TARGET_LIST_P95_MS} ms: ${slow.join(", ")}`)
  close()
  process.exitCode = failures.length || slow.length ? 1 : 0
}
