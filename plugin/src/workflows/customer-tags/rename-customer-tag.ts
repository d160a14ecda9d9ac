import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { ActivityActor } from "../customer-profile/activity"
import { changeCustomerTagStep } from "./steps/change-customer-tag"

export const renameCustomerTagWorkflowId = "rename-customer-tag"

/**
 * Settings → Customer tags → Rename: every customer carrying `from` (any case) gets `to`
 * instead. When `to` is a tag in use this is a merge: customers with both keep one.
 */
export const renameCustomerTagWorkflow = createWorkflow(renameCustomerTagWorkflowId, (input: { from: string; to: string; actor: ActivityActor }) => {
  return new WorkflowResponse(changeCustomerTagStep(input))
})
