import { createHash } from "node:crypto"
import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { BOOKING_MODULE, type BookingModuleService } from "../../../modules/booking"

/** The most photos and documents one booking keeps. */
export const MAX_ATTACHMENTS_PER_BOOKING = 20

export const checkBookingAttachmentRoomStepId = "check-booking-attachment-room"

/**
 * Refuses a file when the booking already keeps as many as it may, or already has this very file
 * (a second press of "Add"). Answers the file's fingerprint, kept with it.
 */
export const checkBookingAttachmentRoomStep = createStep(
  checkBookingAttachmentRoomStepId,
  async (input: { booking_id: string; content: string }, { container }) => {
    const bookings: BookingModuleService = container.resolve(BOOKING_MODULE)
    const sha256 = createHash("sha256").update(Buffer.from(input.content, "base64")).digest("hex")
    const [[same], [, count]] = await Promise.all([
      bookings.listBookingAttachments({ booking_id: input.booking_id, content_sha256: sha256 }, { take: 1, select: ["filename"] }),
      bookings.listAndCountBookingAttachments({ booking_id: input.booking_id }, { take: 1 }),
    ])
    if (same) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `This file is already on the booking, as “${same.filename}”.`)
    }
    if (count >= MAX_ATTACHMENTS_PER_BOOKING) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `A booking can keep at most ${MAX_ATTACHMENTS_PER_BOOKING} files. Remove one you no longer need, then add this one.`
      )
    }
    return new StepResponse({ content_sha256: sha256 })
  }
)
