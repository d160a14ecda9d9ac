import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { ActivityActor } from "../customer-profile/activity"
import { removeFileFromBooking } from "./remove-booking-attachment"
import { loadBookingForStaffEditStep } from "./steps/load-booking-for-staff-edit"

export const staffRemoveBookingAttachmentWorkflowId = "staff-remove-booking-attachment"

/** Staff remove a file from a booking that was not cancelled, whoever added it (a wrong photo, a customer's upload sent by mistake). */
export const staffRemoveBookingAttachmentWorkflow = createWorkflow(
  staffRemoveBookingAttachmentWorkflowId,
  (input: { booking_id: string; attachment_id: string; actor: ActivityActor }) => {
    const booking = loadBookingForStaffEditStep(transform({ input }, ({ input }) => ({ booking_id: input.booking_id, change: "attach" as const })))
    const removed = removeFileFromBooking(
      booking,
      transform({ input }, ({ input }) => ({ attachment_id: input.attachment_id, by: "staff" as const, actor: input.actor }))
    )
    return new WorkflowResponse(removed)
  }
)
