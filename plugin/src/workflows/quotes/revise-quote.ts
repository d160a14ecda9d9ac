import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import type { ActivityActor } from "../customer-profile/activity"
import { recordActivityStep } from "../customer-profile/steps/record-activity"
import { eventActor, quoteActivity, quoteLabel } from "./quote-activity"
import { recordQuoteEventsStep, reviseQuoteStep } from "./steps/lifecycle"
import { quoteLockKey } from "./update-quote-draft"

/** Opens the next version as a draft; the customer keeps seeing the sent one until it is sent. */
export const reviseQuoteWorkflow = createWorkflow("revise-quote", (input: { quote_id: string; actor?: ActivityActor | null }) => {
  const lockKey = transform({ input }, ({ input }) => quoteLockKey(input.quote_id))
  acquireLockStep({ key: lockKey, timeout: 10, ttl: 60 })
  const revised = reviseQuoteStep(input)
  recordQuoteEventsStep(
    transform({ revised, input }, ({ revised, input }) => [
      { quote_id: revised.id, kind: "revised" as const, version: revised.version, actor: eventActor(input.actor) },
    ])
  )
  recordActivityStep(
    transform({ revised, input }, ({ revised, input }) => [
      quoteActivity(revised, "quote_revised", `${quoteLabel(revised)} is being revised: version ${revised.version} is a draft.`, input.actor, {
        version: revised.version,
      }),
    ])
  )
  releaseLockStep({ key: lockKey })
  return new WorkflowResponse(revised)
})
