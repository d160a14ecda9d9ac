import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { markNoticeReadStep } from "./steps/mark-notice-read"

export const markNoticeReadWorkflowId = "mark-notice-read"

/** The customer opened a portal notification (the route has checked it is theirs). */
export const markNoticeReadWorkflow = createWorkflow(markNoticeReadWorkflowId, (input: { customer_id: string; notification_id: string }) => {
  return new WorkflowResponse(markNoticeReadStep(input))
})
