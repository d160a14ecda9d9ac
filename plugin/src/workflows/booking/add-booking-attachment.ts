import { createWorkflow, transform, type WorkflowData, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { ActivityActor } from "../customer-profile/activity"
import { recordActivityStep } from "../customer-profile/steps/record-activity"
import { uploadImage } from "../files/image-steps"
import { bookingActivityStep } from "./booking-activity"
import { checkBookingAttachmentRoomStep } from "./steps/check-booking-attachment-room"
import { createBookingAttachmentStep } from "./steps/create-booking-attachment"
import { loadBookingForChangeStep } from "./steps/load-booking-for-change"

export type AttachmentFile = { mimeType: string; extension: string; content: string; size: number; filename: string }

export const addBookingAttachmentWorkflowId = "add-booking-attachment"

/**
 * Adding the file itself, shared by the customer's and the staff's upload: the same room and
 * duplicate check (a booking keeps the same content once), private storage through Medusa's File
 * module, the file listed on the booking, and a line in the customer's history.
 */
export function attachFileToBooking(
  booking: WorkflowData<{ id: string }>,
  input: WorkflowData<{ file: AttachmentFile; added_by: "customer" | "staff"; actor?: ActivityActor | null }>
) {
  const room = checkBookingAttachmentRoomStep(transform({ input, booking }, ({ input, booking }) => ({ booking_id: booking.id, content: input.file.content })))
  const stored = uploadImage({
    image: transform({ input }, ({ input }) => ({ mimeType: input.file.mimeType, extension: input.file.extension, content: input.file.content })),
    prefix: "booking",
  })
  const attachment = createBookingAttachmentStep(
    transform({ input, booking, stored, room }, ({ input, booking, stored, room }) => ({
      booking_id: booking.id,
      file_id: stored.id,
      url: stored.url,
      filename: input.file.filename,
      mime_type: input.file.mimeType,
      size_bytes: input.file.size,
      content_sha256: room.content_sha256,
      added_by: input.added_by,
    }))
  )
  recordActivityStep(
    bookingActivityStep(
      transform({ input, booking }, ({ input, booking }) => ({
        booking_id: booking.id,
        kind: "booking_file_added" as const,
        filename: input.file.filename,
        actor: input.actor ?? null,
      }))
    )
  )
  return attachment
}

/** A photo or PDF the customer adds to their booking: kept by Medusa's File module, listed on the booking for staff too. */
export const addBookingAttachmentWorkflow = createWorkflow(
  addBookingAttachmentWorkflowId,
  (input: { customer_id: string; booking_id: string; file: AttachmentFile }) => {
    const booking = loadBookingForChangeStep(
      transform({ input }, ({ input }) => ({ customer_id: input.customer_id, booking_id: input.booking_id, change: "attach" as const }))
    )
    const attachment = attachFileToBooking(
      booking,
      transform({ input }, ({ input }) => ({ file: input.file, added_by: "customer" as const }))
    )
    return new WorkflowResponse(attachment)
  }
)
