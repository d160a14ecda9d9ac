import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { withJobLock } from "../utils/job-lock"
import { runAutomaticPayments } from "../workflows/automatic-payments/run-automatic-payments"

/**
 * Automatic payment (issue #18 item 4): every hour, due invoices of payers who agreed are charged to
 * their default saved card, and failed charges are tried again 1, 3 and 7 days later. One run at a
 * time across processes, so two workers never charge the same try.
 */
export async function automaticPayments(container: MedusaContainer, now = new Date()) {
  const result = await withJobLock(container, "automatic-payments", () => runAutomaticPayments(container, now))
  if (result.invoices) {
    container
      .resolve(ContainerRegistrationKeys.LOGGER)
      .info(`Automatic payments: ${result.paid} paid, ${result.failed} failed, ${result.unfinished} left for the next run (${result.invoices} invoices)`)
  }
  return result
}

export default async function automaticPaymentsJob(container: MedusaContainer) {
  await automaticPayments(container)
}

export const config = { name: "automatic-payments", schedule: "29 * * * *" }
