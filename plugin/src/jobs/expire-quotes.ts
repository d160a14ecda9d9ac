import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { withJobLock } from "../utils/job-lock"
import { businessToday } from "../workflows/quotes/quote-content"
import { expireQuotesWorkflow } from "../workflows/quotes/expire-quotes"

/**
 * Sent quotes nobody answered by their last day (the business's calendar) become expired, so the
 * customer can no longer accept them. `now` pins the clock (tests). One run at a time.
 */
export async function expireQuotes(container: MedusaContainer, now = new Date()): Promise<{ expired: string[] }> {
  return withJobLock(container, "expire-quotes", async () => {
    const { result } = await expireQuotesWorkflow(container).run({ input: { today: businessToday(container, now) } })
    if (result.length) container.resolve(ContainerRegistrationKeys.LOGGER).info(`Quotes: ${result.length} expired`)
    return { expired: result.map((quote) => quote.id) }
  })
}

export default async function expireQuotesJob(container: MedusaContainer) {
  await expireQuotes(container)
}

export const config = { name: "expire-quotes", schedule: "7 * * * *" }
