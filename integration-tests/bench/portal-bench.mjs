#!/usr/bin/env node
// `npm run bench`: the portal's "My bookings" and "All services" API routes under 50 concurrent
// customers, side by side with Medusa core's GET /store/products, on one app and one database
// seeded with the demo business plus 10,000 customers × 20 bookings. Prints p50/p95/p99 and the
// ratio of each route's p95 to core's.
//
// Settings (environment): BENCH_CUSTOMERS (10000), BENCH_BOOKINGS_PER_CUSTOMER (20),
// BENCH_CONCURRENCY (50), BENCH_SECONDS per route and round (10), BENCH_ROUNDS (3),
// DATABASE_URL to use a PostgreSQL server you already have (else an embedded one is started).
import os from "node:os"
import path from "node:path"
import { performance } from "node:perf_hooks"
import { run } from "../../scripts/lib/processes.mjs"
import { readPortalKey, ROOT } from "../../scripts/lib/stack.mjs"
import { benchStack, httpClient, percentile, say } from "./stack.mjs"

const settings = {
  customers: Number(process.env.BENCH_CUSTOMERS ?? 10_000),
  bookingsPerCustomer: Number(process.env.BENCH_BOOKINGS_PER_CUSTOMER ?? 20),
  concurrency: Number(process.env.BENCH_CONCURRENCY ?? 50),
  seconds: Number(process.env.BENCH_SECONDS ?? 10),
  rounds: Number(process.env.BENCH_ROUNDS ?? 3),
}
const PASSWORD = "bench-password"

const stack = await benchStack({ name: "bench" })
try {
  const { databaseUrl } = stack
  say(`Generating ${settings.customers.toLocaleString("en-GB")} customers × ${settings.bookingsPerCustomer} bookings`)
  const t0 = performance.now()
  await run(path.join(ROOT, "node_modules/.bin/medusa"), ["exec", "./seeds/src/scale.ts"], {
    cwd: ROOT,
    label: "scale",
    quiet: true,
    env: {
      DATABASE_URL: databaseUrl,
      MEDUSA_ADMIN_DISABLED: "true",
      SCALE_CUSTOMERS: String(settings.customers),
      SCALE_BOOKINGS_PER_CUSTOMER: String(settings.bookingsPerCustomer),
      SCALE_LOGINS: String(settings.concurrency),
      SCALE_PASSWORD: PASSWORD,
    },
  })
  console.log(`  generated in ${((performance.now() - t0) / 1000).toFixed(1)} s`)

  const publishableKey = await readPortalKey(databaseUrl)
  say("Starting Medusa (production mode, no admin)")
  const server = await stack.startServer()
  const client = httpClient(server.base, { headers: { "x-publishable-api-key": publishableKey }, maxSockets: settings.concurrency * 2 })
  const { request } = client

  say(`Signing in ${settings.concurrency} customers`)
  const tokens = []
  for (let i = 1; i <= settings.concurrency; i++) {
    const email = `scale-${String(i).padStart(6, "0")}@bench.example`
    const { status, text } = await request("POST", "/auth/customer/emailpass", { body: { email, password: PASSWORD } })
    if (status !== 200) throw new Error(`Login for ${email} failed: ${status} ${text}`)
    tokens.push(JSON.parse(text).token)
  }

  // What each route must answer, so a fast error is never counted as a fast page.
  const routes = [
    { name: "core GET /store/products", path: () => "/store/products?limit=20", check: (json) => json.products?.length > 0 },
    { name: "portal all services", path: () => "/store/services", check: (json) => json.services?.length > 0 },
    {
      name: "portal my bookings (upcoming)",
      path: () => "/store/customers/me/bookings?when=upcoming&limit=10",
      auth: true,
      check: (json) => json.count === Math.ceil(settings.bookingsPerCustomer / 2) && json.bookings.length > 0,
    },
    {
      name: "portal my bookings (past)",
      path: () => "/store/customers/me/bookings?when=past&limit=10",
      auth: true,
      check: (json) => json.count === Math.floor(settings.bookingsPerCustomer / 2) && json.bookings.length > 0,
    },
  ]

  /** `concurrency` customers, each sending its next request as soon as the last one is answered. */
  async function load(route, seconds) {
    const latencies = []
    const deadline = performance.now() + seconds * 1000
    let failures = 0
    await Promise.all(
      tokens.map(async (token) => {
        while (performance.now() < deadline) {
          const t = performance.now()
          const { status, text } = await request("GET", route.path(), { token: route.auth ? token : undefined })
          latencies.push(performance.now() - t)
          if (status !== 200 || !route.check(JSON.parse(text))) {
            failures += 1
            if (failures === 1) console.error(`  ${route.name}: unexpected answer ${status} ${text.slice(0, 300)}`)
          }
        }
      })
    )
    return { latencies, failures }
  }

  say(`Warming up, then ${settings.rounds} rounds of ${settings.seconds} s per route at ${settings.concurrency} concurrent customers`)
  for (const route of routes) await load(route, 2)
  const results = new Map(routes.map((route) => [route.name, { latencies: [], failures: 0, seconds: 0 }]))
  // Rounds alternate between the routes so a slow moment of the machine hits them all alike.
  for (let round = 0; round < settings.rounds; round++) {
    for (const route of routes) {
      const { latencies, failures } = await load(route, settings.seconds)
      const total = results.get(route.name)
      total.latencies.push(...latencies)
      total.failures += failures
      total.seconds += settings.seconds
    }
  }

  const coreP95 = percentile(results.get(routes[0].name).latencies, 95)
  const rows = routes.map((route) => {
    const { latencies, failures, seconds } = results.get(route.name)
    const p95 = percentile(latencies, 95)
    return {
      route: route.name,
      requests: latencies.length,
      "req/s": Math.round(latencies.length / seconds),
      "p50 ms": percentile(latencies, 50).toFixed(1),
      "p95 ms": p95.toFixed(1),
      "p99 ms": percentile(latencies, 99).toFixed(1),
      "p95 vs core": `${(p95 / coreP95).toFixed(2)}×`,
      failures,
    }
  })
  console.log(
    `\n${settings.customers.toLocaleString("en-GB")} customers × ${settings.bookingsPerCustomer} bookings ` +
      `(${(settings.customers * settings.bookingsPerCustomer).toLocaleString("en-GB")} bookings), ` +
      `${settings.concurrency} concurrent customers, ${os.cpus().length} CPUs`
  )
  console.table(rows)
  client.close()
  if (rows.some((row) => row.failures > 0)) process.exitCode = 1
} catch (error) {
  console.error(error)
  process.exitCode = 1
} finally {
  await stack.stopAll()
  process.exit(process.exitCode ?? 0)
}
