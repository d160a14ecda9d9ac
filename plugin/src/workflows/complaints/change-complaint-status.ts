import type { ComplaintStatus } from "@fieldservice/contract"
import { COMPLAINT_STATUS_LABELS } from "@fieldservice/contract"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import type { ActivityActor } from "../customer-profile/activity"
import { recordActivityStep } from "../customer-profile/steps/record-activity"
import { sendAfterCommitStep } from "../notifications/send-after-commit"
import { complaintActivity, statusNotifications } from "./complaint-activity"
import { changeComplaintStatusStep, loadComplaintCustomerStep } from "./steps/complaint-steps"

export const COMPLAINT_STATUS_CHANGED = "complaint.status_changed"

export type ChangeComplaintStatusInput = {
  id: string
  status: ComplaintStatus
  /** Required to resolve (the route checks): what was done. */
  note?: string | null
  actor?: ActivityActor | null
  /** The complaint's page in the portal, for the email (the route knows the portal's address). */
  complaint_url: string
  now?: Date
}

/**
 * Staff move a complaint on (in progress, resolved with a note, closed, or open again): a line in
 * the customer's history, a portal notice and an email to the customer once it has committed, and
 * `complaint.status_changed` for anyone else listening.
 */
export const changeComplaintStatusWorkflow = createWorkflow("change-complaint-status", (input: ChangeComplaintStatusInput) => {
  const changed = changeComplaintStatusStep(transform({ input }, ({ input }) => ({ id: input.id, status: input.status, note: input.note, now: input.now })))
  recordActivityStep(
    transform({ input, changed }, ({ input, changed }) => {
      const { before, after } = changed
      const label = COMPLAINT_STATUS_LABELS[after.status].toLowerCase()
      const note = after.status === "resolved" && after.resolution_note ? `: ${after.resolution_note}` : ""
      return complaintActivity(
        after,
        "complaint_status_changed",
        `Complaint ${after.number} ${after.status === "open" ? "reopened" : `moved to ${label}`}${note}`,
        input.actor,
        {
          from: before.status,
          to: after.status,
        }
      )
    })
  )
  const customer = loadComplaintCustomerStep(transform({ changed }, ({ changed }) => changed.after.customer_id))
  sendAfterCommitStep(
    transform({ input, changed, customer }, ({ input, changed, customer }) =>
      statusNotifications({ complaint: changed.after, to: changed.after.status, customer, url: input.complaint_url })
    )
  )
  emitEventStep({
    eventName: COMPLAINT_STATUS_CHANGED,
    data: transform({ changed }, ({ changed }) => ({
      complaint_id: changed.after.id,
      customer_id: changed.after.customer_id,
      from: changed.before.status,
      to: changed.after.status,
    })),
  }).config({ name: "emit-complaint-status-changed" })
  return new WorkflowResponse(transform({ changed }, ({ changed }) => changed.after))
})
