import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { ActivityActor } from "../customer-profile/activity"
import { recordActivityStep } from "../customer-profile/steps/record-activity"
import { complaintActivity } from "./complaint-activity"
import { assignComplaintStep } from "./steps/complaint-steps"

/** Staff give a complaint to one of them (or to no one); the customer's history notes who handles it. */
export const assignComplaintWorkflow = createWorkflow(
  "assign-complaint",
  (input: { id: string; assigned_user_id: string | null; actor?: ActivityActor | null }) => {
    const assigned = assignComplaintStep(transform({ input }, ({ input }) => ({ id: input.id, assigned_user_id: input.assigned_user_id })))
    recordActivityStep(
      transform({ input, assigned }, ({ input, assigned }) => {
        const { before, assignee } = assigned
        const message = assignee ? `Complaint ${before.number} assigned to ${assignee.name}` : `Complaint ${before.number} unassigned`
        return complaintActivity(before, "complaint_assigned", message, input.actor, { assigned_user_id: assignee?.id ?? null })
      })
    )
    return new WorkflowResponse(transform({ assigned }, ({ assigned }) => ({ id: assigned.before.id, assigned_user_id: assigned.assignee?.id ?? null })))
  }
)
