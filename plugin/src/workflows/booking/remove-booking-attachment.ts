import { createWorkflow, transform, type WorkflowData, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { ActivityActor } from "../customer-profile/activity"
import { recordActivityStep } from "../customer-profile/steps/record-activity"
import { deleteReplacedImage } from "../files/image-steps"
import { bookingActivityStep } from "./booking-activity"
import { loadBookingForChangeStep } from "./steps/load-booking-for-change"
import { officeContactStep } from "./steps/office-contact"
import { removeBookingAttachmentStep } from "./steps/remove-booking-attachment"

export const removeBookingAttachmentWorkflowId = "remove-booking-attachment"

/**
 * Removing a file, shared by the customer and staff: taken off the booking (the customer only
 * their own files, staff any), a line in the customer's history, and the stored file deleted
 * last, once nothing can fail any more.
 */
export function removeFileFromBooking(
  booking: WorkflowData<{ id: string }>,
  input: WorkflowData<{ attachment_id: string; by: "customer" | "staff"; office?: string; actor?: ActivityActor | null }>
) {
  const removed = removeBookingAttachmentStep(
    transform({ input, booking }, ({ input, booking }) => ({ booking_id: booking.id, attachment_id: input.attachment_id, by: input.by, office: input.office }))
  )
  recordActivityStep(
    bookingActivityStep(
      transform({ removed, booking, input }, ({ removed, booking, input }) => ({
        booking_id: booking.id,
        kind: "booking_file_removed" as const,
        filename: removed.filename,
        actor: input.actor ?? null,
      }))
    )
  )
  deleteReplacedImage(transform({ removed }, ({ removed }) => removed.file_id))
  return transform({ removed }, ({ removed }) => ({ id: removed.id }))
}

/** The customer removes a file they added. */
export const removeBookingAttachmentWorkflow = createWorkflow(
  removeBookingAttachmentWorkflowId,
  (input: { customer_id: string; booking_id: string; attachment_id: string }) => {
    const booking = loadBookingForChangeStep(
      transform({ input }, ({ input }) => ({ customer_id: input.customer_id, booking_id: input.booking_id, change: "attach" as const }))
    )
    const office = officeContactStep()
    const removed = removeFileFromBooking(
      booking,
      transform({ input, office }, ({ input, office }) => ({ attachment_id: input.attachment_id, by: "customer" as const, office }))
    )
    return new WorkflowResponse(removed)
  }
)
