import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { EMAIL_PREFERENCE_FIELDS, EMAIL_PREFERENCE_LABELS, type EmailPreferenceKind } from "@fieldservice/contract"
import { profileLockKey } from "../customer-profile/ensure-customer-profile"
import { ensureCustomerProfileStep } from "../customer-profile/steps/ensure-customer-profile"
import { recordActivityStep } from "../customer-profile/steps/record-activity"
import { PROFILE_LABELS } from "../customer-profile/steps/customer-state"
import { updateCustomerProfileStep } from "../customer-profile/steps/update-customer-profile"

export const unsubscribeWorkflowId = "unsubscribe-from-emails"

export type UnsubscribeInput = { customer_id: string; kind: EmailPreferenceKind; customer_name: string | null }

/**
 * The customer followed an email's unsubscribe link (or their mail client's one-click button):
 * that kind of email is turned off on their profile, with a line in their history saying how.
 * A second click changes nothing and writes nothing.
 */
export const unsubscribeWorkflow = createWorkflow(unsubscribeWorkflowId, (input: UnsubscribeInput) => {
  const key = transform({ input }, ({ input }) => profileLockKey(input.customer_id))
  acquireLockStep({ key, timeout: 10, ttl: 30 })
  const profile = ensureCustomerProfileStep({ customer_id: input.customer_id })
  const field = transform({ input }, ({ input }) => EMAIL_PREFERENCE_FIELDS[input.kind])
  const wasOn = transform({ profile, field }, ({ profile, field }) => (profile as Record<string, unknown>)[field] !== false)
  when({ wasOn }, ({ wasOn }) => wasOn).then(() => {
    updateCustomerProfileStep(transform({ profile, field }, ({ profile, field }) => ({ id: profile.id as string, changes: { [field]: false } })))
    recordActivityStep(
      transform({ input, field }, ({ input, field }) => [
        {
          customer_id: input.customer_id,
          kind: "email_unsubscribed",
          message: `Unsubscribed from ${EMAIL_PREFERENCE_LABELS[input.kind]} with the link in an email.`,
          actor: { type: "customer" as const, id: input.customer_id, name: input.customer_name },
          changes: [{ field, label: PROFILE_LABELS[field], before: true, after: false }],
          data: { kind: input.kind },
        },
      ])
    )
  })
  releaseLockStep({ key })
  return new WorkflowResponse(transform({ wasOn }, ({ wasOn }) => ({ changed: wasOn })))
})
