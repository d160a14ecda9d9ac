import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { ActivityActor } from "../customer-profile/activity"
import { recordActivityStep } from "../customer-profile/steps/record-activity"
import type { QuoteDraftFields } from "./quote-content"
import { eventActor, quoteActivity, quoteLabel, quoteMoney } from "./quote-activity"
import { createQuoteStep, prepareNewQuoteStep } from "./steps/draft"
import { recordQuoteEventsStep } from "./steps/lifecycle"

export type CreateQuoteInput = {
  customer_id: string
  fields: QuoteDraftFields & Required<Pick<QuoteDraftFields, "title" | "options">>
  actor?: ActivityActor | null
}

/** A new quote for a customer: version 1, a draft, priced from the catalogue and taxed by the customer's own rules. */
export const createQuoteWorkflow = createWorkflow("create-quote", (input: CreateQuoteInput) => {
  const prepared = prepareNewQuoteStep(input)
  const quote = createQuoteStep(transform({ prepared, input }, ({ prepared, input }) => ({ prepared, created_by: input.actor?.id ?? null })))
  recordQuoteEventsStep(
    transform({ quote, input }, ({ quote, input }) => [{ quote_id: quote.id, kind: "created" as const, version: 1, actor: eventActor(input.actor) }])
  )
  recordActivityStep(
    transform({ quote, input }, ({ quote, input }) => [
      quoteActivity(quote, "quote_created", `${quoteLabel(quote)} for ${quoteMoney(quote, quote.total)} was drafted.`, input.actor),
    ])
  )
  return new WorkflowResponse(quote)
})
