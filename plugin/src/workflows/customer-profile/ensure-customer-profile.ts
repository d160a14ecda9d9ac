import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { ensureCustomerProfileStep, type EnsureCustomerProfileInput } from "./steps/ensure-customer-profile"

/** One lock per customer: sign-up's subscriber and a first read may try to create the profile at once. */
export const profileLockKey = (customerId: string) => `customer-profile:${customerId}`

export const ensureCustomerProfileWorkflow = createWorkflow("ensure-customer-profile", (input: EnsureCustomerProfileInput) => {
  const key = transform({ input }, ({ input }) => profileLockKey(input.customer_id))
  acquireLockStep({ key, timeout: 10, ttl: 30 })
  const profile = ensureCustomerProfileStep(input)
  releaseLockStep({ key })
  return new WorkflowResponse(profile)
})
