import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { ActivityActor } from "../customer-profile/activity"
import { type AttachmentFile, attachFileToBooking } from "./add-booking-attachment"
import { loadBookingForStaffEditStep } from "./steps/load-booking-for-staff-edit"

export const staffAddBookingAttachmentWorkflowId = "staff-add-booking-attachment"

/**
 * Staff add a photo or document to any booking that was not cancelled (a quote, the finished
 * job's photos), under the customer's limits and duplicate rule; the customer sees it in the
 * portal as added by the team, and can't remove it.
 */
export const staffAddBookingAttachmentWorkflow = createWorkflow(
  staffAddBookingAttachmentWorkflowId,
  (input: { booking_id: string; file: AttachmentFile; actor: ActivityActor }) => {
    const booking = loadBookingForStaffEditStep(transform({ input }, ({ input }) => ({ booking_id: input.booking_id, change: "attach" as const })))
    const attachment = attachFileToBooking(
      booking,
      transform({ input }, ({ input }) => ({ file: input.file, added_by: "staff" as const, actor: input.actor }))
    )
    return new WorkflowResponse(attachment)
  }
)
