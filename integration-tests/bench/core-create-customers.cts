// Run by import-bench.mjs with `medusa exec` (a .cts file: the integration-tests package is ESM,
// and exec loads scripts with require): Medusa's own createCustomersWorkflow creating CORE_ROWS
// customers, each with one address, CORE_BATCH per run, on the benchmark's database. Prints one
// JSON line with the time the workflow runs took and how far the process's resident memory rose
// above what it was before the first run (sampled every 50 ms).
import type { ExecArgs } from "@medusajs/framework/types"
import { createCustomersWorkflow } from "@medusajs/medusa/core-flows"

export default async function coreCreateCustomers({ container }: ExecArgs) {
  const rows = Number(process.env.CORE_ROWS ?? 2000)
  const batch = Number(process.env.CORE_BATCH ?? 1000)
  const prefix = `core${Date.now().toString(36)}`
  let ms = 0
  const rssBefore = process.memoryUsage().rss
  let rssPeak = rssBefore
  const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, process.memoryUsage().rss)), 50)
  for (let start = 0; start < rows; start += batch) {
    const customersData = Array.from({ length: Math.min(batch, rows - start) }, (_, offset) => {
      const i = start + offset
      return {
        email: `customer.${prefix}.${i}@example.com`,
        first_name: "Olivia",
        last_name: "Smith",
        phone: `+44 7700 900${String(i % 1000).padStart(3, "0")}`,
        addresses: [{ address_1: `${1 + (i % 200)} High Street`, city: "London", postal_code: "SW1A 1AA", country_code: "gb", is_default_shipping: true }],
      }
    })
    const t0 = performance.now()
    await createCustomersWorkflow(container).run({ input: { customersData } })
    ms += performance.now() - t0
  }
  clearInterval(sampler)
  rssPeak = Math.max(rssPeak, process.memoryUsage().rss)
  console.log(`CORE_RESULT ${JSON.stringify({ rows, batch, ms, rss_before_kb: rssBefore / 1024, rss_rise_kb: (rssPeak - rssBefore) / 1024 })}`)
}
