import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { withJobLock } from "../utils/job-lock"
import { runBillingCycles } from "../workflows/billing-cycles/run-billing-cycles"

/**
 * Billing cycles: every hour, payers whose period has closed (in the business's calendar) get one
 * consolidated invoice for its visits. Most hours nothing has closed and the run reads one query.
 */
export async function billingCycles(container: MedusaContainer, now = new Date()) {
  // One run at a time, across processes (the per-payer lock is only in-process without Redis).
  const result = await withJobLock(container, "billing-cycles", () => runBillingCycles(container, now))
  if (result.invoices || result.failed) {
    container
      .resolve(ContainerRegistrationKeys.LOGGER)
      .info(`Billing cycles: ${result.invoices} invoices for ${result.visits} visits (${result.payers} payers, ${result.failed} failed)`)
  }
  return result
}

export default async function billingCyclesJob(container: MedusaContainer) {
  await billingCycles(container)
}

export const config = { name: "billing-cycles", schedule: "17 * * * *" }
