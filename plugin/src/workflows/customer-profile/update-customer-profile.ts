import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, emitEventStep, releaseLockStep, updateCustomersStep } from "@medusajs/medusa/core-flows"
import type { NormalizedContactMethod } from "../../modules/customer-profile/contact-details"
import { profileLockKey } from "./ensure-customer-profile"
import { ensureCustomerProfileStep } from "./steps/ensure-customer-profile"
import { storeCustomFieldValuesStep, validateCustomFieldValuesStep } from "../custom-fields/steps"
import { replaceContactMethodsStep } from "./steps/replace-contact-methods"
import { type ActivityEntry, recordActivityStep } from "./steps/record-activity"
import { updateCustomerProfileStep, type CustomerProfileChanges } from "./steps/update-customer-profile"

export const CUSTOMER_PROFILE_UPDATED = "customer_profile.updated"

export type UpdateCustomerProfileInput = {
  customer_id: string
  changes: CustomerProfileChanges
  /** The names on Medusa's customer record. */
  names?: { first_name?: string; last_name?: string }
  /** When given, the whole list of extra emails and numbers, already checked. */
  contact_methods?: NormalizedContactMethod[]
  /** Custom field values by key (only the keys sent change), checked against the definitions. */
  custom_fields?: Record<string, unknown>
  /** Who made the change, for the activity timeline: a user id, the customer id, or "system". */
  actor: { type: "user" | "customer" | "system"; id?: string }
}

const STATUS_WORDS: Record<string, string> = { active: "Active", blocked: "Blocked", archived: "Archived" }
const quoted = (tags: string[]) => tags.map((tag) => `“${tag}”`).join(", ")

function statusAndTagEntries(
  customerId: string,
  actor: UpdateCustomerProfileInput["actor"],
  before: Record<string, unknown>,
  after: Record<string, unknown>
): ActivityEntry[] {
  const entries: ActivityEntry[] = []
  if (before.status !== after.status) {
    entries.push({
      customer_id: customerId,
      kind: "profile.updated",
      message: `Status changed from ${STATUS_WORDS[String(before.status)] ?? before.status} to ${STATUS_WORDS[String(after.status)] ?? after.status}.`,
      data: { field: "status", before: before.status, after: after.status, actor },
    })
  }
  const tagsBefore = (before.tags as string[] | null) ?? []
  const tagsAfter = (after.tags as string[] | null) ?? []
  const added = tagsAfter.filter((tag) => !tagsBefore.includes(tag))
  const removed = tagsBefore.filter((tag) => !tagsAfter.includes(tag))
  if (added.length || removed.length) {
    const parts = [added.length ? `added ${quoted(added)}` : "", removed.length ? `removed ${quoted(removed)}` : ""].filter(Boolean)
    entries.push({
      customer_id: customerId,
      kind: "profile.updated",
      message: `Tags changed: ${parts.join("; ")}.`,
      data: { field: "tags", before: tagsBefore, after: tagsAfter, actor },
    })
  }
  return entries
}

export const updateCustomerProfileWorkflow = createWorkflow(
  "update-customer-profile",
  (input: UpdateCustomerProfileInput) => {
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
    when({ input }, ({ input }) => !!input.names && Object.keys(input.names).length > 0).then(() => {
      updateCustomersStep(transform({ input }, ({ input }) => ({ selector: { id: input.customer_id }, update: input.names! })))
    })
    when({ input }, ({ input }) => !!input.contact_methods).then(() => {
      replaceContactMethodsStep(
        transform({ profile, input }, ({ profile, input }) => ({ profile_id: profile.id, methods: input.contact_methods! }))
      )
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
    const result = updateCustomerProfileStep(
      transform({ profile, input }, ({ profile, input }) => ({ id: profile.id, changes: input.changes }))
    )
    // Status and tag changes go in the activity history, which also updates the customer directory.
    recordActivityStep(
      transform({ result, input }, ({ result, input }) =>
        statusAndTagEntries(input.customer_id, input.actor, result.before, result.after)
      )
    )
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
  }
)
