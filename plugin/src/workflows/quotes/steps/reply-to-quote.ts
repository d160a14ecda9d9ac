import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { recordActivityStep } from "../../customer-profile/steps/record-activity"
import { sendAfterCommitStep } from "../../notifications/send-after-commit"
import { officeEmail, customerQuoteActivity, quoteLabel } from "../quote-activity"
import { loadQuoteToActOnStep, moveQuoteStatusStep, recordQuoteEventStep } from "./customer-action"

export type QuoteReplyInput = { customer_id: string; quote_id: string; message: string }

type Reply = {
  status: "declined" | "changes_requested"
  /** "declined", "asked for changes": what the history and the office read. */
  verb: string
  trigger: string
}

/**
 * A customer's written answer to an open quote (a decline with its reason, a request for changes
 * with its message): the status moves, the quote's history, the customer's activity and an email
 * to the office record it, with the customer's words.
 */
export function quoteReplyWorkflow(name: string, reply: Reply) {
  return createWorkflow(name, (input: QuoteReplyInput) => {
    const lockKey = transform({ input }, ({ input }) => `quote:${input.quote_id}`)
    acquireLockStep({ key: lockKey, timeout: 10, ttl: 30 })
    const acting = loadQuoteToActOnStep(transform({ input }, ({ input }) => ({ customer_id: input.customer_id, quote_id: input.quote_id })))
    moveQuoteStatusStep(
      transform({ acting }, ({ acting }) => ({
        quote_id: acting.quote.id,
        from: acting.previous_status,
        to: reply.status,
        conflict: "This quote was changed meanwhile. Reload the page to see where it stands.",
      }))
    )
    recordQuoteEventStep(
      transform({ acting, input }, ({ acting, input }) => ({
        quote_id: acting.quote.id,
        kind: reply.status,
        version: acting.quote.current_version,
        message: input.message,
      }))
    )
    const summary = transform({ acting }, ({ acting }) => `${quoteLabel(acting.quote)}: the customer ${reply.verb}.`)
    recordActivityStep(
      transform({ acting, summary, input }, ({ acting, summary, input }) =>
        customerQuoteActivity(acting.quote, `quote_${reply.status}`, `${summary} "${input.message}"`, { message: input.message })
      )
    )
    sendAfterCommitStep(transform({ acting, summary, input }, ({ acting, summary, input }) => officeEmail(acting, reply.trigger, summary, input.message)))
    releaseLockStep({ key: lockKey })
    return new WorkflowResponse({ status: reply.status })
  })
}
