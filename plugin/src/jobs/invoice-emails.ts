import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { invoicesAwaitingEmail, sendInvoiceEmails } from "../utils/invoice-emails"
import { withJobLock } from "../utils/job-lock"
import { INVOICE_ISSUED } from "../workflows/invoices/issue-invoice"

const PER_RUN = 1_000
const CONCURRENCY = 4

/**
 * Sends the consolidated invoices a billing run issued (it issues them in batches, with no event
 * each), a few at a time, each with its PDF made then. Each email goes once: a run killed half-way,
 * or an email sent meanwhile by another path, is seen by its idempotency key.
 */
export async function sendWaitingInvoiceEmails(container: MedusaContainer): Promise<{ sent: number; failed: number }> {
  return withJobLock(container, "invoice-emails", async () => {
    const ids = await invoicesAwaitingEmail(container, PER_RUN)
    const result = { sent: 0, failed: 0 }
    let next = 0
    const worker = async () => {
      while (next < ids.length) {
        const id = ids[next++]
        try {
          await sendInvoiceEmails(container, INVOICE_ISSUED, { id })
          result.sent++
        } catch (error) {
          result.failed++
          container.resolve(ContainerRegistrationKeys.LOGGER).error(`Invoice emails: ${id} failed: ${(error as Error).message}`)
        }
      }
    }
    await Promise.all(Array.from({ length: Math.min(CONCURRENCY, ids.length) }, worker))
    return result
  })
}

export default async function invoiceEmailsJob(container: MedusaContainer) {
  await sendWaitingInvoiceEmails(container)
}

export const config = { name: "invoice-emails", schedule: "* * * * *" }
