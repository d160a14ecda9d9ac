import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { recordActivityStep, type ActivityEntry } from "./steps/record-activity"

/** Writes activity lines on their own: for subscribers and Medusa's workflow hooks, which can't call a step. */
export const recordCustomerActivityWorkflow = createWorkflow("record-customer-activity", (entries: ActivityEntry[]) => {
  return new WorkflowResponse(recordActivityStep(entries))
})
