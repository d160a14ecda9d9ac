import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, emitEventStep, releaseLockStep, updateCustomersStep } from "@medusajs/medusa/core-flows"
import type { NormalizedContactMethod } from "../../modules/customer-profile/contact-details"
import type { ActivityActor } from "./activity"
import { profileLockKey } from "./ensure-customer-profile"
import { profileChangeEntries, readCustomerStateStep } from "./steps/customer-state"
import { recordActivityStep } from "./steps/record-activity"
import { ensureCustomerProfileStep } from "./steps/ensure-customer-profile"
import { storeCustomFieldValuesStep, validateCustomFieldValuesStep } from "../custom-fields/steps"
import { planPrimaryContactsStep } from "./steps/plan-primary-contacts"
import { replaceContactMethodsStep } from "./steps/replace-contact-methods"
import { updateCustomerProfileStep, type CustomerProfileChanges } from "./steps/update-customer-profile"

export const CUSTOMER_PROFILE_UPDATED = "customer_profile.updated"

export type UpdateCustomerProfileInput = {
  customer_id: string
  changes: CustomerProfileChanges
  /** The names on Medusa's customer record. */
  names?: { first_name?: string; last_name?: string }
  /**
   * When given, the whole list of emails and numbers, already checked: the primary ones become the
   * customer's own email and phone, the others the profile's list.
   */
  contact_methods?: NormalizedContactMethod[]
  /** Custom field values by key (only the keys sent change), checked against the definitions. */
  custom_fields?: Record<string, unknown>
  /** Who made the change, for the activity timeline: a staff member, the customer, or the system. */
  actor: ActivityActor
}

export const updateCustomerProfileWorkflow = createWorkflow("update-customer-profile", (input: UpdateCustomerProfileInput) => {
  // Custom field values are checked first, so a bad one stops the update before anything is written.
  const customFieldValues = when({ input }, ({ input }) => !!input.custom_fields).then(() =>
    validateCustomFieldValuesStep(
      transform({ input }, ({ input }) => ({
        target: { target_type: "customer" as const },
        values: input.custom_fields!,
        audience: input.actor.type === "customer" ? ("customer" as const) : ("staff" as const),
        partial: true,
      }))
    )
  )
  const key = transform({ input }, ({ input }) => profileLockKey(input.customer_id))
  acquireLockStep({ key, timeout: 10, ttl: 30 })
  const profile = ensureCustomerProfileStep({ customer_id: input.customer_id })
  const before = readCustomerStateStep({ customer_id: input.customer_id })
  const contacts = when({ input }, ({ input }) => !!input.contact_methods).then(() =>
    planPrimaryContactsStep(transform({ input }, ({ input }) => ({ customer_id: input.customer_id, methods: input.contact_methods! })))
  )
  // Names and the primary email and phone live on Medusa's customer record: one update for both.
  const customerUpdate = transform({ input, contacts }, ({ input, contacts }) => ({ ...(input.names ?? {}), ...(contacts?.customer_update ?? {}) }))
  when({ customerUpdate }, ({ customerUpdate }) => Object.keys(customerUpdate).length > 0).then(() => {
    updateCustomersStep(transform({ input, customerUpdate }, ({ input, customerUpdate }) => ({ selector: { id: input.customer_id }, update: customerUpdate })))
  })
  when({ contacts }, ({ contacts }) => !!contacts).then(() => {
    replaceContactMethodsStep(transform({ profile, contacts }, ({ profile, contacts }) => ({ profile_id: profile.id, methods: contacts!.extras })))
  })
  when({ customFieldValues }, ({ customFieldValues }) => !!customFieldValues).then(() => {
    storeCustomFieldValuesStep(
      transform({ input, customFieldValues }, ({ input, customFieldValues }) => ({
        owner: { owner_type: "customer" as const, owner_id: input.customer_id },
        target: { target_type: "customer" as const },
        values: customFieldValues!,
      }))
    )
  })
  const result = updateCustomerProfileStep(transform({ profile, input }, ({ profile, input }) => ({ id: profile.id, changes: input.changes })))
  const after = readCustomerStateStep({ customer_id: input.customer_id }).config({ name: "read-customer-state-after" })
  recordActivityStep(transform({ before, after, input }, ({ before, after, input }) => profileChangeEntries(before, after, input.actor)))
  releaseLockStep({ key })
  const event = transform({ result, input }, ({ result, input }) => ({
    eventName: CUSTOMER_PROFILE_UPDATED,
    data: {
      id: result.after.id,
      customer_id: input.customer_id,
      actor: input.actor,
      changed: [
        ...Object.keys(input.changes),
        ...(input.names ? Object.keys(input.names) : []),
        ...(input.contact_methods ? ["contact_methods"] : []),
        ...(input.custom_fields ? ["custom_fields"] : []),
      ],
      before: { kind: result.before.kind, status: result.before.status },
      after: { kind: result.after.kind, status: result.after.status },
    },
  }))
  emitEventStep(event)
  return new WorkflowResponse(result.after)
})
