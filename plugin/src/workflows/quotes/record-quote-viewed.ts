import { createStep, createWorkflow, StepResponse, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { QUOTES_MODULE, type QuotesModuleService } from "../../modules/quotes"
import { recordActivityStep } from "../customer-profile/steps/record-activity"
import { customerQuoteActivity, quoteLabel } from "./quote-activity"
import { recordQuoteEventStep } from "./steps/customer-action"

type Viewed = { id: string; number: string | null; title: string; customer_id: string; current_version: number }

/**
 * Sent → viewed, in one statement, so two first reads at once record one view. The step is only
 * undone if a later one fails: back to sent, with no time of viewing.
 */
const markQuoteViewedStep = createStep(
  "mark-quote-viewed",
  async (quote: Viewed, { container }) => {
    const quotes: QuotesModuleService = container.resolve(QUOTES_MODULE)
    const first = await quotes.moveQuoteStatus(quote.id, ["sent"], "viewed", new Date())
    return new StepResponse({ first }, first ? quote.id : null)
  },
  async (id, { container }) => {
    if (!id) return
    const quotes: QuotesModuleService = container.resolve(QUOTES_MODULE)
    await quotes.updateQuotes({ id, status: "sent", viewed_at: null })
  }
)

/** The customer's first read of a sent quote: "viewed" in its history and a line in their activity. */
export const recordQuoteViewedWorkflow = createWorkflow("record-quote-viewed", (quote: Viewed) => {
  const marked = markQuoteViewedStep(quote)
  when("quote-first-view", { marked }, ({ marked }) => marked.first).then(() => {
    recordQuoteEventStep(transform({ quote }, ({ quote }) => ({ quote_id: quote.id, kind: "viewed" as const, version: quote.current_version })))
    recordActivityStep(transform({ quote }, ({ quote }) => customerQuoteActivity(quote, "quote_viewed", `${quoteLabel(quote)} was opened by the customer.`)))
  })
  return new WorkflowResponse(marked)
})
