import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { recordActivityStep } from "../customer-profile/steps/record-activity"
import { quoteActivity, quoteLabel } from "./quote-activity"
import { expireQuotesStep, recordQuoteEventsStep } from "./steps/lifecycle"

/** Open quotes past their last day (before `today`, the business's calendar) become expired, each with its history lines. */
export const expireQuotesWorkflow = createWorkflow("expire-quotes", (input: { today: string }) => {
  const expired = expireQuotesStep(input)
  recordQuoteEventsStep(
    transform({ expired }, ({ expired }) =>
      expired.map((quote) => ({ quote_id: quote.id, kind: "expired" as const, version: quote.current_version, actor: null }))
    )
  )
  recordActivityStep(
    transform({ expired }, ({ expired }) =>
      expired.map((quote) => quoteActivity(quote, "quote_expired", `${quoteLabel(quote)} expired: its last day was ${quote.expires_on}.`, null))
    )
  )
  return new WorkflowResponse(expired)
})
