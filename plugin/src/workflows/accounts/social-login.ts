import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { createCustomerAccountWorkflow } from "@medusajs/medusa/core-flows"
import { updateCustomerProfileWorkflow } from "../customer-profile/update-customer-profile"
import { attachLoginToCustomerStep } from "./steps"
import { recordActivityStep } from "../customer-profile/steps/record-activity"

export type CompleteSocialLoginInput = {
  auth_identity_id: string
  email: string
  first_name: string
  last_name: string
  /** The registered customer with the same email, found by the route; null makes a new customer. */
  existing_customer_id: string | null
  /** "google" or "facebook", for the activity history. */
  provider?: string
}

/**
 * After Google or Facebook: the first login creates the customer, a later one (or one whose
 * email already has an account) signs into that same customer. The provider vouched for the email.
 */
export const completeSocialLoginWorkflow = createWorkflow("portal-complete-social-login", (input: CompleteSocialLoginInput) => {
  const created = when({ input }, ({ input }) => !input.existing_customer_id).then(() =>
    createCustomerAccountWorkflow.runAsStep({
      input: transform({ input }, ({ input }) => ({
        authIdentityId: input.auth_identity_id,
        customerData: { email: input.email, first_name: input.first_name, last_name: input.last_name },
      })),
    })
  )
  when({ input }, ({ input }) => !!input.existing_customer_id).then(() => {
    attachLoginToCustomerStep(transform({ input }, ({ input }) => ({ auth_identity_id: input.auth_identity_id, customer_id: input.existing_customer_id! })))
  })
  const customerId = transform({ input, created }, ({ input, created }) => input.existing_customer_id ?? created!.id)
  recordActivityStep(
    transform({ input }, ({ input }) => {
      if (!input.existing_customer_id) return []
      const provider = input.provider ? input.provider[0].toUpperCase() + input.provider.slice(1) : "A social"
      return [
        {
          customer_id: input.existing_customer_id,
          kind: "login_added",
          message: `${provider} login linked to the account.`,
          data: { provider: input.provider ?? null },
          actor: { type: "customer" as const, id: input.existing_customer_id },
        },
      ]
    })
  )
  updateCustomerProfileWorkflow.runAsStep({
    input: transform({ customerId }, ({ customerId }) => ({
      customer_id: customerId,
      changes: { email_verified_at: new Date() },
      actor: { type: "customer" as const, id: customerId },
    })),
  })
  return new WorkflowResponse({ customer_id: customerId })
})
