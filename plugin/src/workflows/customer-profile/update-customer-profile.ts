import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, emitEventStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { profileLockKey } from "./ensure-customer-profile"
import { ensureCustomerProfileStep } from "./steps/ensure-customer-profile"
import { updateCustomerProfileStep, type CustomerProfileChanges } from "./steps/update-customer-profile"

export const CUSTOMER_PROFILE_UPDATED = "customer_profile.updated"

export type UpdateCustomerProfileInput = {
  customer_id: string
  changes: CustomerProfileChanges
  /** Who made the change, for the activity timeline: a user id, the customer id, or "system". */
  actor: { type: "user" | "customer" | "system"; id?: string }
}

export const updateCustomerProfileWorkflow = createWorkflow(
  "update-customer-profile",
  (input: UpdateCustomerProfileInput) => {
    const key = transform({ input }, ({ input }) => profileLockKey(input.customer_id))
    acquireLockStep({ key, timeout: 10, ttl: 30 })
    const profile = ensureCustomerProfileStep({ customer_id: input.customer_id })
    const updateInput = transform({ profile, input }, ({ profile, input }) => ({
      id: profile.id,
      changes: input.changes,
    }))
    const result = updateCustomerProfileStep(updateInput)
    const event = transform({ result, input }, ({ result, input }) => ({
      eventName: CUSTOMER_PROFILE_UPDATED,
      data: {
        id: result.after.id,
        customer_id: input.customer_id,
        actor: input.actor,
        before: { kind: result.before.kind, status: result.before.status },
        after: { kind: result.after.kind, status: result.after.status },
      },
    }))
    releaseLockStep({ key })
    emitEventStep(event)
    return new WorkflowResponse(result.after)
  }
)
