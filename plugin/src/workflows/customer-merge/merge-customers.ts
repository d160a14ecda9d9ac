import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { removeLoginsStep, softDeleteCustomerStep } from "../accounts/account-lifecycle"
import { profileLockKey } from "../customer-profile/ensure-customer-profile"
import { ensureCustomerProfileStep } from "../customer-profile/steps/ensure-customer-profile"
import { recordActivityStep, type ActivityEntry } from "../customer-profile/steps/record-activity"
import { customerLabel, describeMergeCustomer, type MergeCount, type MergePlan } from "./plan"
import {
  acquireMergeLocksStep,
  checkNothingLeftStep,
  fillPrimaryCustomerStep,
  mergeProfileFieldsStep,
  moveAccountHoldersStep,
  moveActivityStep,
  moveAdditionalContactsStep,
  moveAddressesStep,
  moveBookingsStep,
  moveBusinessProfilesStep,
  moveCartAddressesStep,
  moveCartsStep,
  moveContactMethodsStep,
  moveCustomerGroupsStep,
  moveCustomFieldValuesStep,
  moveDependentsStep,
  moveNotificationsStep,
  moveOrderAddressesStep,
  moveOrdersStep,
  planMergeStep,
  recordMergeStep,
  releaseMergeLocksStep,
  removeAccountTokensStep,
} from "./steps"

export const CUSTOMER_MERGED = "customer.merged"

export type MergeCustomersInput = {
  primary_id: string
  secondary_id: string
  /** The staff member's email, for the activity history. */
  actor: string | null
  /** The staff member's user id, for events. */
  actor_id: string | null
}

const NOUNS: Partial<Record<MergeCount["kind"], [string, string]>> = {
  addresses: ["address", "addresses"],
  customer_groups: ["customer group", "customer groups"],
  business_profiles: ["business profile", "business profiles"],
  additional_contacts: ["additional contact", "additional contacts"],
  contact_methods: ["extra email or phone", "extra emails and phones"],
  dependents: ["dependent", "dependents"],
  custom_field_values: ["custom field value", "custom field values"],
  tags: ["tag", "tags"],
  internal_notes: ["internal note", "internal notes"],
  bookings: ["booking", "bookings"],
  orders: ["order", "orders"],
  carts: ["cart", "carts"],
  payment_account_holders: ["saved-card account", "saved-card accounts"],
  notifications: ["notification", "notifications"],
  activity: ["activity entry", "activity entries"],
}

/** "2 addresses, 1 booking and 3 notifications", or "nothing else". */
export function describeMoved(counts: MergeCount[]) {
  const parts = counts.flatMap((count) => {
    const noun = NOUNS[count.kind]
    const n = count.moved + count.added
    return noun && n > 0 ? [`${n} ${noun[n === 1 ? 0 : 1]}`] : []
  })
  if (!parts.length) return "nothing else"
  return parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(", ")} and ${parts[parts.length - 1]}`
}

const ownerMove = (plan: MergePlan, ids: (side: MergePlan["secondary"]) => string[]) => ({
  ids: ids(plan.secondary),
  from: plan.secondary.customer.id,
  to: plan.primary.customer.id,
})

/**
 * Merges a duplicate customer (the secondary) into the one kept (the primary): every record that
 * belongs to the secondary moves to the primary, the secondary is soft-deleted the way staff
 * delete a customer (its logins are removed), and both customers' histories say so. Each step
 * undoes itself if a later one fails, so a merge happens completely or not at all; the logins
 * are removed last, once nothing else can fail.
 */
export const mergeCustomersWorkflow = createWorkflow("merge-customers", (input: MergeCustomersInput) => {
  const lock = acquireMergeLocksStep(
    transform({ input }, ({ input }) => ({ keys: [profileLockKey(input.primary_id), profileLockKey(input.secondary_id)] }))
  )
  const plan = planMergeStep(transform({ input }, ({ input }) => ({ primary_id: input.primary_id, secondary_id: input.secondary_id })))
  const primaryProfile = ensureCustomerProfileStep(transform({ input }, ({ input }) => ({ customer_id: input.primary_id }))).config({
    name: "merge-ensure-primary-profile",
  })

  moveAddressesStep(transform({ plan }, ({ plan }) => ({ from: plan.secondary.customer.id, to: plan.primary.customer.id, moves: plan.addresses })))
  moveCustomerGroupsStep(
    transform({ plan }, ({ plan }) => ({ from: plan.secondary.customer.id, to: plan.primary.customer.id, ...plan.groups }))
  )
  fillPrimaryCustomerStep(transform({ plan }, ({ plan }) => ({ id: plan.primary.customer.id, changes: plan.customer_changes })))
  moveContactMethodsStep(
    transform({ plan, primaryProfile }, ({ plan, primaryProfile }) => ({
      from: plan.secondary.profile?.id ?? null,
      to: primaryProfile.id,
      ...plan.contact_methods,
    }))
  )
  moveAdditionalContactsStep(
    transform({ plan, primaryProfile }, ({ plan, primaryProfile }) => ({
      ids: plan.secondary.profile?.additional_contact_ids ?? [],
      from: plan.secondary.profile?.id ?? "",
      to: primaryProfile.id,
    }))
  )
  mergeProfileFieldsStep(
    transform({ plan, primaryProfile }, ({ plan, primaryProfile }) => ({
      primary_profile_id: primaryProfile.id,
      changes: plan.profile_changes,
      secondary_profile_id: plan.secondary.profile?.id ?? null,
      secondary_changes: plan.secondary_profile_changes,
    }))
  )
  moveBusinessProfilesStep(transform({ plan }, ({ plan }) => ownerMove(plan, (side) => side.business_profile_ids)))
  moveDependentsStep(transform({ plan }, ({ plan }) => ownerMove(plan, (side) => side.dependent_ids)))
  moveCustomFieldValuesStep(
    transform({ plan }, ({ plan }) => ({ ...ownerMove(plan, () => plan.custom_values.move), drop: plan.custom_values.drop }))
  )
  moveBookingsStep(transform({ plan }, ({ plan }) => ownerMove(plan, (side) => side.booking_ids)))
  moveOrdersStep(transform({ plan }, ({ plan }) => ownerMove(plan, (side) => side.order_ids)))
  moveOrderAddressesStep(transform({ plan }, ({ plan }) => ownerMove(plan, (side) => side.order_address_ids)))
  moveCartsStep(transform({ plan }, ({ plan }) => ownerMove(plan, (side) => side.cart_ids)))
  moveCartAddressesStep(transform({ plan }, ({ plan }) => ownerMove(plan, (side) => side.cart_address_ids)))
  moveAccountHoldersStep(
    transform({ plan }, ({ plan }) => ({ from: plan.secondary.customer.id, to: plan.primary.customer.id, ...plan.account_holders }))
  )
  moveNotificationsStep(transform({ plan }, ({ plan }) => ownerMove(plan, (side) => side.notification_ids)))
  moveActivityStep(transform({ plan }, ({ plan }) => ownerMove(plan, (side) => side.activity_ids)))
  removeAccountTokensStep(transform({ plan }, ({ plan }) => ({ ids: plan.secondary.account_token_ids })))

  checkNothingLeftStep(transform({ plan }, ({ plan }) => ({ secondary: plan.secondary.customer })))
  softDeleteCustomerStep(transform({ input }, ({ input }) => ({ customer_id: input.secondary_id })))
  const record = recordMergeStep(
    transform({ plan, input }, ({ plan, input }) => ({
      primary_id: input.primary_id,
      secondary_id: input.secondary_id,
      actor: input.actor,
      counts: plan.counts,
      conflicts: plan.conflicts,
    }))
  )
  recordActivityStep(
    transform({ plan, input, record }, ({ plan, input, record }): ActivityEntry[] => {
      const primary = customerLabel(plan.primary.customer)
      const secondary = customerLabel(plan.secondary.customer)
      const secondaryEmail = plan.secondary.customer.email ? ` (${plan.secondary.customer.email})` : ""
      return [
        {
          customer_id: input.primary_id,
          kind: "customer_merged",
          message: `Merged ${secondary}${secondaryEmail} into this customer: ${describeMoved(plan.counts)} moved here.`,
          data: { merge_id: record.id, secondary_id: input.secondary_id, counts: plan.counts, conflicts: plan.conflicts },
          actor: input.actor,
        },
        {
          customer_id: input.secondary_id,
          kind: "customer_merged_into",
          message: `Merged into ${primary}${plan.primary.customer.email ? ` (${plan.primary.customer.email})` : ""}; this customer was deleted.`,
          data: { merge_id: record.id, primary_id: input.primary_id },
          actor: input.actor,
        },
      ]
    })
  )
  // Not undone (like deleting a customer): nothing after it can fail.
  removeLoginsStep(transform({ input }, ({ input }) => ({ customer_id: input.secondary_id })))
  emitEventStep({
    eventName: "customer_account.deleted",
    data: transform({ input }, ({ input }) => ({ id: input.secondary_id, actor_id: input.actor_id, merged_into: input.primary_id })),
  }).config({ name: "emit-merged-customer-deleted" })
  emitEventStep({
    eventName: CUSTOMER_MERGED,
    data: transform({ input, record }, ({ input, record }) => ({
      id: record.id,
      primary_id: input.primary_id,
      secondary_id: input.secondary_id,
      actor_id: input.actor_id,
    })),
  }).config({ name: "emit-customer-merged" })
  releaseMergeLocksStep(lock)

  return new WorkflowResponse(
    transform({ plan, record }, ({ plan, record }) => ({
      id: record.id,
      primary: describeMergeCustomer(plan.primary),
      secondary: describeMergeCustomer(plan.secondary),
      counts: plan.counts,
      conflicts: plan.conflicts,
      warnings: plan.warnings,
    }))
  )
})
