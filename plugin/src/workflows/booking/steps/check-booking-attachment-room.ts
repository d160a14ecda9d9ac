import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { BOOKING_MODULE, type BookingModuleService } from "../../../modules/booking"
import { contentSha256, refuseWithoutRoom } from "../../files/attachment-room"

export const checkBookingAttachmentRoomStepId = "check-booking-attachment-room"

/**
 * Refuses a file when the booking already keeps as many as it may, or already has this very file
 * (a second press of "Add"). Answers the file's fingerprint, kept with it.
 */
export const checkBookingAttachmentRoomStep = createStep(
  checkBookingAttachmentRoomStepId,
  async (input: { booking_id: string; content: string }, { container }) => {
    const bookings: BookingModuleService = container.resolve(BOOKING_MODULE)
    const sha256 = contentSha256(input.content)
    const [[same], [, count]] = await Promise.all([
      bookings.listBookingAttachments({ booking_id: input.booking_id, content_sha256: sha256 }, { take: 1, select: ["filename"] }),
      bookings.listAndCountBookingAttachments({ booking_id: input.booking_id }, { take: 1 }),
    ])
    refuseWithoutRoom("booking", { same, count })
    return new StepResponse({ content_sha256: sha256 })
  }
)
