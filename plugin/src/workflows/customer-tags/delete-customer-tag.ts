import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { ActivityActor } from "../customer-profile/activity"
import { changeCustomerTagStep } from "./steps/change-customer-tag"

export const deleteCustomerTagWorkflowId = "delete-customer-tag"

/** Settings → Customer tags → Delete: the tag (any case) comes off every customer carrying it. */
export const deleteCustomerTagWorkflow = createWorkflow(deleteCustomerTagWorkflowId, (input: { tag: string; actor: ActivityActor }) => {
  const change = transform({ input }, ({ input }) => ({ from: input.tag, to: null, actor: input.actor }))
  return new WorkflowResponse(changeCustomerTagStep(change))
})
