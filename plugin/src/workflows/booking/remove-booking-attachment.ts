import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { recordActivityStep } from "../customer-profile/steps/record-activity"
import { deleteReplacedImage } from "../files/image-steps"
import { bookingActivityStep } from "./booking-activity"
import { loadBookingForChangeStep } from "./steps/load-booking-for-change"
import { officeContactStep } from "./steps/office-contact"
import { removeBookingAttachmentStep } from "./steps/remove-booking-attachment"

export const removeBookingAttachmentWorkflowId = "remove-booking-attachment"

/** The customer removes a file they added; the stored file goes last, once nothing can fail any more. */
export const removeBookingAttachmentWorkflow = createWorkflow(
  removeBookingAttachmentWorkflowId,
  (input: { customer_id: string; booking_id: string; attachment_id: string }) => {
    const booking = loadBookingForChangeStep(
      transform({ input }, ({ input }) => ({ customer_id: input.customer_id, booking_id: input.booking_id, change: "attach" as const }))
    )
    const office = officeContactStep()
    const removed = removeBookingAttachmentStep(
      transform({ input, booking, office }, ({ input, booking, office }) => ({ booking_id: booking.id, attachment_id: input.attachment_id, office }))
    )
    recordActivityStep(
      bookingActivityStep(
        transform({ removed, booking }, ({ removed, booking }) => ({
          booking_id: booking.id,
          kind: "booking_file_removed" as const,
          filename: removed.filename,
        }))
      )
    )
    deleteReplacedImage(transform({ removed }, ({ removed }) => removed.file_id))
    return new WorkflowResponse(transform({ removed }, ({ removed }) => ({ id: removed.id })))
  }
)
