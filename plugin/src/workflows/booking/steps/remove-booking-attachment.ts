import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { BOOKING_MODULE, type BookingModuleService } from "../../../modules/booking"

export const removeBookingAttachmentStepId = "remove-booking-attachment"

/**
 * Takes a file off the booking (soft delete, restored if a later step fails). The customer may
 * remove only the files they added (`office` says how to ask about the others); staff any.
 */
export const removeBookingAttachmentStep = createStep(
  removeBookingAttachmentStepId,
  async (input: { booking_id: string; attachment_id: string; by?: "customer" | "staff"; office?: string }, { container }) => {
    const bookings: BookingModuleService = container.resolve(BOOKING_MODULE)
    const [attachment] = await bookings.listBookingAttachments({ id: input.attachment_id, booking_id: input.booking_id }, { take: 1 })
    if (!attachment) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Attachment ${input.attachment_id} was not found`)
    if (input.by !== "staff" && attachment.added_by !== "customer") {
      const ask = input.office ? ` To ask them, please ${input.office}.` : ""
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `This file was added by our team, so only they can remove it.${ask}`)
    }
    await bookings.softDeleteBookingAttachments(attachment.id)
    return new StepResponse({ id: attachment.id, file_id: attachment.file_id, filename: attachment.filename }, attachment.id)
  },
  async (id, { container }) => {
    if (!id) return
    const bookings: BookingModuleService = container.resolve(BOOKING_MODULE)
    await bookings.restoreBookingAttachments(id)
  }
)
