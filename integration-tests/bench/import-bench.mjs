#!/usr/bin/env node
// `npm run bench:import`: the CSV import of 100,000 realistic customers (profiles, tags, phones,
// addresses, extra contacts, business profiles, custom field values) through the HTTP API, on a
// fresh app and database. Prints the wall time (upload to finished report) and the Medusa
// process's memory (resident set, sampled from /proc), beside Medusa's own
// createCustomersWorkflow on 2,000 customers scaled to 100,000, and whether the targets are met.
// The memory target is read as what the import adds to the server: a Medusa server in production
// mode already holds ~470 MB before any request, so no Medusa process can stay under 300 MB in all.
//
// Settings (environment): BENCH_ROWS (100000), BENCH_CORE_ROWS (2000), BENCH_MEDUSA_HEAP_MB (320):
// Medusa runs with --max-old-space-size at this, as a server sized for its work would; 0 leaves
// V8's default, which on a machine with gigabytes free lets garbage pile up to over a gigabyte
// before collecting it, so the peak then shows V8's slack more than what the import needs.
// DATABASE_URL to use a PostgreSQL server you already have (else an embedded one is started).
import { createReadStream } from "node:fs"
import { stat } from "node:fs/promises"
import http from "node:http"
import os from "node:os"
import path from "node:path"
import { performance } from "node:perf_hooks"
import { DEMO, ROOT } from "../../scripts/lib/stack.mjs"
import { run } from "../../scripts/lib/processes.mjs"
import { writeCustomerCsv } from "./customer-csv.mjs"
import { benchStack, processMemory, say } from "./stack.mjs"

const ROWS = Number(process.env.BENCH_ROWS ?? 100_000)
const CORE_ROWS = Number(process.env.BENCH_CORE_ROWS ?? 2_000)
const TARGET_SECONDS = 30
const TARGET_MB = 300
const BATCH = 1000
const HEAP_MB = Number(process.env.BENCH_MEDUSA_HEAP_MB ?? 320)
const HEAP_SETTING = HEAP_MB ? `--max-old-space-size=${HEAP_MB}` : "V8's default heap limit"

const stack = await benchStack({ name: "import-bench" })
try {
  const server = await stack.startServer({
    CUSTOMER_IMPORT_BATCH_SIZE: String(BATCH),
    ...(HEAP_MB ? { NODE_OPTIONS: HEAP_SETTING } : {}),
  })
  console.log(`  Medusa runs with ${HEAP_SETTING}`)
  const json = async (pathname, init = {}) => {
    const response = await fetch(`${server.base}${pathname}`, init)
    const body = await response.json()
    if (!response.ok) throw new Error(`${pathname}: ${response.status} ${JSON.stringify(body)}`)
    return body
  }
  const { token } = await json("/auth/user/emailpass", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email: DEMO.adminEmail, password: DEMO.adminPassword }),
  })
  const auth = { authorization: `Bearer ${token}` }
  const { custom_fields: customFields } = await json("/admin/custom-fields?target_type=customer", { headers: auth })

  const file = path.join(stack.tmpDir, "customers.csv")
  say(`Writing ${ROWS.toLocaleString("en-GB")} customers to a CSV file (${customFields.length} custom fields)`)
  const bytes = await writeCustomerCsv(file, ROWS, { prefix: "bench", customFields })
  console.log(`  ${(bytes / 1024 / 1024).toFixed(1)} MB`)

  // Memory is read every 100 ms while the import runs.
  const before = await processMemory(server.pid)
  let peakRss = before.rss
  const sampler = setInterval(async () => {
    const { rss } = await processMemory(server.pid)
    peakRss = Math.max(peakRss, rss)
  }, 100)

  say("Importing it through POST /admin/crm/imports")
  const t0 = performance.now()
  const started = await uploadCsv(server.base, token, file)
  let job = started.import
  let lastPrinted = 0
  while (job.status === "processing") {
    await new Promise((resolve) => setTimeout(resolve, 250))
    job = (await json(`/admin/crm/imports/${job.id}`, { headers: auth })).import
    if (performance.now() - lastPrinted > 5000) {
      lastPrinted = performance.now()
      console.log(
        `  ${((performance.now() - t0) / 1000).toFixed(0)} s: ${job.processed_rows.toLocaleString("en-GB")} of ${job.total_rows.toLocaleString("en-GB")} rows`
      )
    }
  }
  const seconds = (performance.now() - t0) / 1000
  clearInterval(sampler)
  const after = await processMemory(server.pid)
  peakRss = Math.max(peakRss, after.rss)
  if (job.status !== "completed" || job.created_count !== ROWS) {
    throw new Error(`The import did not create every customer: ${JSON.stringify(job)}`)
  }

  const mb = (kb) => Math.round(kb / 1024)
  const importPerRowMs = (seconds * 1000) / ROWS
  const memoryLine = `Medusa process memory (RSS): ${mb(before.rss)} MB before the import, peak ${mb(peakRss)} MB while importing (+${mb(peakRss - before.rss)} MB); highest since start (VmHWM) ${mb(after.hwm)} MB; ${HEAP_SETTING}`
  console.log(
    `  imported in ${seconds.toFixed(1)} s (${importPerRowMs.toFixed(2)} ms per row); ${memoryLine}; load average ${os
      .loadavg()
      .map((load) => load.toFixed(1))
      .join(" ")}`
  )

  // One run of CORE_ROWS: the customer.created subscribers it triggers run after the timing, not during it.
  say(`Medusa's createCustomersWorkflow: ${CORE_ROWS.toLocaleString("en-GB")} customers with an address, in one run`)
  const output = await run(path.join(ROOT, "node_modules/.bin/medusa"), ["exec", "./integration-tests/bench/core-create-customers.cts"], {
    cwd: ROOT,
    label: "core",
    quiet: true,
    env: {
      DATABASE_URL: stack.databaseUrl,
      NODE_ENV: "production",
      MEDUSA_ADMIN_DISABLED: "true",
      LOG_LEVEL: "error",
      CORE_ROWS: String(CORE_ROWS),
      CORE_BATCH: String(CORE_ROWS),
    },
  })
  const core = JSON.parse(/CORE_RESULT (.*)/.exec(output)[1])
  const corePerRowMs = core.ms / core.rows
  const coreScaled = (corePerRowMs * ROWS) / 1000

  console.log(
    `\n${ROWS.toLocaleString("en-GB")} rows, ${(bytes / 1024 / 1024).toFixed(1)} MB CSV, ${os.cpus().length} CPUs, load average now ${os
      .loadavg()
      .map((load) => load.toFixed(1))
      .join(" ")}`
  )
  console.table([
    {
      what: "CSV import (HTTP upload → report)",
      rows: ROWS,
      seconds: seconds.toFixed(1),
      "ms per row": importPerRowMs.toFixed(3),
      "rows/s": Math.round(ROWS / seconds),
      "seconds per 100k": ((importPerRowMs * 100_000) / 1000).toFixed(1),
    },
    {
      what: "core createCustomersWorkflow (customer + address only)",
      rows: core.rows,
      seconds: (core.ms / 1000).toFixed(1),
      "ms per row": corePerRowMs.toFixed(3),
      "rows/s": Math.round(core.rows / (core.ms / 1000)),
      "seconds per 100k": ((corePerRowMs * 100_000) / 1000).toFixed(1),
    },
  ])
  console.log(
    `Import vs core per row: ${(importPerRowMs / corePerRowMs).toFixed(2)}× the core workflow's time (core scaled to ${ROWS.toLocaleString("en-GB")} rows: ${coreScaled.toFixed(1)} s)`
  )
  console.log(memoryLine)
  const timeMet = seconds <= TARGET_SECONDS
  const rise = mb(peakRss - before.rss)
  const memoryMet = rise <= TARGET_MB
  console.log(`Target ${ROWS.toLocaleString("en-GB")} rows ≤ ${TARGET_SECONDS} s: ${timeMet ? "MET" : "NOT MET"} (${seconds.toFixed(1)} s)`)
  console.log(
    `Target memory ≤ ${TARGET_MB} MB for the import: ${memoryMet ? "MET" : "NOT MET"} (+${rise} MB over the idle server's ${mb(before.rss)} MB; ` +
      `core's workflow rose +${mb(core.rss_rise_kb)} MB over its process's ${mb(core.rss_before_kb)} MB for ${core.rows.toLocaleString("en-GB")} rows)`
  )
} catch (error) {
  console.error(error)
  process.exitCode = 1
} finally {
  await stack.stopAll()
  process.exit(process.exitCode ?? 0)
}

/** Streams the file as a multipart upload, the way a browser sends a form (the bench doesn't hold it in memory either). */
async function uploadCsv(base, token, file) {
  const boundary = `----import-bench-${Date.now()}`
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="update_existing"\r\n\r\nfalse\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="customers.csv"\r\nContent-Type: text/csv\r\n\r\n`
  )
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`)
  const { size } = await stat(file)
  return new Promise((resolve, reject) => {
    const request = http.request(
      `${base}/admin/crm/imports`,
      {
        method: "POST",
        headers: {
          authorization: `Bearer ${token}`,
          "content-type": `multipart/form-data; boundary=${boundary}`,
          "content-length": head.length + size + tail.length,
        },
      },
      (response) => {
        let text = ""
        response.setEncoding("utf8")
        response.on("data", (chunk) => (text += chunk))
        response.on("end", () => (response.statusCode === 202 ? resolve(JSON.parse(text)) : reject(new Error(`Upload: ${response.statusCode} ${text}`))))
      }
    )
    request.on("error", reject)
    request.write(head)
    const body = createReadStream(file)
    body.on("error", reject)
    body.on("end", () => request.end(tail))
    body.pipe(request, { end: false })
  })
}
