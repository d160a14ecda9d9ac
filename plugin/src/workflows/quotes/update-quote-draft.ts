import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import type { ActivityActor } from "../customer-profile/activity"
import { recordActivityStep } from "../customer-profile/steps/record-activity"
import type { QuoteDraftFields } from "./quote-content"
import { quoteActivity, quoteLabel, quoteMoney } from "./quote-activity"
import { prepareQuoteEditStep, replaceQuoteDraftStep } from "./steps/draft"

export const quoteLockKey = (quoteId: string) => `quote:${quoteId}`

/** Changes the quote's draft version (a sent version is never edited: it is revised). */
export const updateQuoteDraftWorkflow = createWorkflow(
  "update-quote-draft",
  (input: { quote_id: string; fields: QuoteDraftFields; actor?: ActivityActor | null }) => {
    const lockKey = transform({ input }, ({ input }) => quoteLockKey(input.quote_id))
    acquireLockStep({ key: lockKey, timeout: 10, ttl: 60 })
    const prepared = prepareQuoteEditStep(input)
    const quote = replaceQuoteDraftStep(transform({ prepared, input }, ({ prepared, input }) => ({ quote_id: input.quote_id, prepared })))
    recordActivityStep(
      transform({ quote, input }, ({ quote, input }) => [
        quoteActivity(quote, "quote_updated", `${quoteLabel(quote)} was changed: ${quoteMoney(quote, quote.total)}.`, input.actor),
      ])
    )
    releaseLockStep({ key: lockKey })
    return new WorkflowResponse(quote)
  }
)
