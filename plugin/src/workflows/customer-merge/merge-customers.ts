import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { describeMergeCustomer } from "../../modules/customer-merge/merge-wording"
import { profileLockKey } from "../customer-profile/ensure-customer-profile"
import { ensureCustomerProfileStep } from "../customer-profile/steps/ensure-customer-profile"
import { acquireMergeLocksStep } from "./steps/acquire-customer-merge-locks"
import { applyCustomerMergeStep } from "./steps/apply-customer-merge"
import { planMergeStep } from "./steps/plan-customer-merge"
import { releaseMergeLocksStep } from "./steps/release-customer-merge-locks"

export const CUSTOMER_MERGED = "customer.merged"

export type MergeCustomersInput = {
  primary_id: string
  secondary_id: string
  /** The staff member's email, for the activity history. */
  actor: string | null
  /** The staff member's user id, for events. */
  actor_id: string | null
}

export const mergeCustomersWorkflowId = "merge-customers"

/**
 * Merges a duplicate customer (the secondary) into the one kept (the primary): every record that
 * belongs to the secondary moves to the primary, the secondary is soft-deleted the way staff
 * delete a customer (its logins are removed), and both customers' histories say so. The writes
 * are one database transaction (steps/apply-customer-merge.ts), so a merge happens completely or not at all,
 * even when the server dies half-way through; a later step that fails puts the rows back.
 */
export const mergeCustomersWorkflow = createWorkflow(mergeCustomersWorkflowId, (input: MergeCustomersInput) => {
  const lock = acquireMergeLocksStep(transform({ input }, ({ input }) => ({ keys: [profileLockKey(input.primary_id), profileLockKey(input.secondary_id)] })))
  const plan = planMergeStep(transform({ input }, ({ input }) => ({ primary_id: input.primary_id, secondary_id: input.secondary_id })))
  const primaryProfile = ensureCustomerProfileStep(transform({ input }, ({ input }) => ({ customer_id: input.primary_id }))).config({
    name: "merge-ensure-primary-profile",
  })
  const record = applyCustomerMergeStep(
    transform({ plan, primaryProfile, input }, ({ plan, primaryProfile, input }) => ({ plan, primary_profile_id: primaryProfile.id, actor: input.actor }))
  )
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
