import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { BOOKING_MODULE, type BookingModuleService } from "../../../modules/booking"

export type CreateBookingAttachmentInput = {
  booking_id: string
  file_id: string
  url: string
  filename: string
  mime_type: string
  size_bytes: number
  content_sha256: string
  added_by: "customer" | "staff"
}

export const createBookingAttachmentStepId = "create-booking-attachment"

/** Lists a stored file on the booking; deleted again if a later step fails. */
export const createBookingAttachmentStep = createStep(
  createBookingAttachmentStepId,
  async (input: CreateBookingAttachmentInput, { container }) => {
    const bookings: BookingModuleService = container.resolve(BOOKING_MODULE)
    const attachment = await bookings.createBookingAttachments(input)
    return new StepResponse(attachment, attachment.id)
  },
  async (id, { container }) => {
    if (!id) return
    const bookings: BookingModuleService = container.resolve(BOOKING_MODULE)
    await bookings.deleteBookingAttachments(id)
  }
)
