import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { markAllNoticesReadStep } from "./steps/mark-all-notices-read"

export const markAllNoticesReadWorkflowId = "mark-all-notices-read"

/** "Mark all read" in the portal. */
export const markAllNoticesReadWorkflow = createWorkflow(markAllNoticesReadWorkflowId, (input: { customer_id: string }) => {
  return new WorkflowResponse(markAllNoticesReadStep(input))
})
