import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { BOOKING_MODULE, type BookingModuleService } from "../../../modules/booking"

/** The most photos and documents one booking keeps. */
export const MAX_ATTACHMENTS_PER_BOOKING = 20

export const checkBookingAttachmentRoomStepId = "check-booking-attachment-room"

/** Refuses a file when the booking already keeps as many as it may. */
export const checkBookingAttachmentRoomStep = createStep(checkBookingAttachmentRoomStepId, async (input: { booking_id: string }, { container }) => {
  const bookings: BookingModuleService = container.resolve(BOOKING_MODULE)
  const [, count] = await bookings.listAndCountBookingAttachments({ booking_id: input.booking_id }, { take: 1 })
  if (count >= MAX_ATTACHMENTS_PER_BOOKING) {
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      `A booking can keep at most ${MAX_ATTACHMENTS_PER_BOOKING} files. Remove one you no longer need, then add this one.`
    )
  }
  return new StepResponse(count)
})
