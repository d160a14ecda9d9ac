// Run by the SIGKILL test and `npm run bench:cycles` with `medusa exec` (a .cts file: exec loads scripts with require):
// the billing cycles' hourly job once, its clock pinned by BILLING_CYCLES_NOW (an ISO instant) so a
// test can stand on the day after a period closed. The SIGKILL test kills this process mid-run.
import { performance } from "node:perf_hooks"
import type { ExecArgs } from "@medusajs/framework/types"
import { billingCycles } from "@fieldservice/medusa-portal/jobs/billing-cycles"

export default async function runBillingCycles({ container }: ExecArgs) {
  const now = process.env.BILLING_CYCLES_NOW ? new Date(process.env.BILLING_CYCLES_NOW) : new Date()
  const started = performance.now()
  const result = await billingCycles(container, now)
  // The run alone, without the process's start-up (npm run bench:cycles prints it).
  console.log(`BILLING_CYCLES_RESULT ${JSON.stringify({ ...result, ms: Math.round(performance.now() - started) })}`)
}
