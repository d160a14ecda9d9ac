import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, emitEventStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import type { ActivityActor } from "../customer-profile/activity"
import { recordActivityStep } from "../customer-profile/steps/record-activity"
import { eventActor, quoteActivity, quoteLabel, quoteMoney } from "./quote-activity"
import { recordQuoteEventsStep, sendQuoteStep } from "./steps/lifecycle"
import { quoteLockKey } from "./update-quote-draft"

export const QUOTE_SENT = "quote.sent"

/**
 * Sends the draft: frozen as the version the customer sees, numbered on the first send. The
 * `quote.sent` event emails the customer its link and PDF (the email goes into the communication log).
 */
export const sendQuoteWorkflow = createWorkflow("send-quote", (input: { quote_id: string; actor?: ActivityActor | null }) => {
  const lockKey = transform({ input }, ({ input }) => quoteLockKey(input.quote_id))
  acquireLockStep({ key: lockKey, timeout: 10, ttl: 60 })
  const sent = sendQuoteStep(input)
  recordQuoteEventsStep(
    transform({ sent, input }, ({ sent, input }) => [{ quote_id: sent.id, kind: "sent" as const, version: sent.version, actor: eventActor(input.actor) }])
  )
  recordActivityStep(
    transform({ sent, input }, ({ sent, input }) => [
      quoteActivity(
        sent,
        "quote_sent",
        `${quoteLabel(sent)}${sent.version > 1 ? `, version ${sent.version},` : ""} for ${quoteMoney(sent, sent.total)} was sent to the customer.`,
        input.actor,
        { version: sent.version }
      ),
    ])
  )
  releaseLockStep({ key: lockKey })
  emitEventStep({ eventName: QUOTE_SENT, data: transform({ sent }, ({ sent }) => ({ id: sent.id, version: sent.version })) })
  return new WorkflowResponse(sent)
})
