import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import type { ActivityActor } from "../customer-profile/activity"
import { recordActivityStep } from "../customer-profile/steps/record-activity"
import { complaintActivity, openedMessage } from "./complaint-activity"
import { type ComplaintOpening, createComplaintStep, prepareComplaintStep } from "./steps/complaint-steps"

export const COMPLAINT_OPENED = "complaint.opened"

export type OpenComplaintInput = ComplaintOpening & { actor?: ActivityActor | null }

/**
 * Opens a complaint: by the customer (from a past visit or from Support), by staff on their behalf,
 * or by a low rating. It gets the next number (C-1001…), and a line in the customer's history.
 */
export const openComplaintWorkflow = createWorkflow("open-complaint", (input: OpenComplaintInput) => {
  const prepared = prepareComplaintStep(input)
  const complaint = createComplaintStep(
    transform({ input, prepared }, ({ input, prepared }) => {
      const { actor: _actor, ...opening } = input
      return { ...opening, number: prepared.number }
    })
  )
  recordActivityStep(
    transform({ input, prepared, complaint }, ({ input, prepared, complaint }) =>
      complaintActivity(complaint, "complaint_opened", openedMessage(complaint.number, input.category, prepared.booking_number, input.source), input.actor, {
        category: input.category,
        booking_id: input.booking_id ?? null,
        rating_id: input.rating_id ?? null,
      })
    )
  )
  emitEventStep({
    eventName: COMPLAINT_OPENED,
    data: transform({ complaint }, ({ complaint }) => ({ complaint_id: complaint.id, customer_id: complaint.customer_id, source: complaint.source })),
  })
  return new WorkflowResponse(complaint)
})
