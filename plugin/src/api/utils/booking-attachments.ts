import type { MedusaResponse } from "@medusajs/framework/http"
import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { BOOKING_MODULE, type BookingModuleService } from "../../modules/booking"
import { sendAttachmentFile } from "./private-files"

/**
 * Streams a booking's file. With a customer id the booking must be theirs: anyone else's booking,
 * or a file of another booking, is the same 404 as one that never existed.
 */
export async function sendAttachment(scope: MedusaContainer, res: MedusaResponse, input: { booking_id: string; attachment_id: string; customer_id?: string }) {
  const bookings: BookingModuleService = scope.resolve(BOOKING_MODULE)
  const [booking] = await bookings.listBookings(input.customer_id ? { id: input.booking_id, customer_id: input.customer_id } : { id: input.booking_id }, {
    take: 1,
    select: ["id"],
  })
  const [attachment] = booking ? await bookings.listBookingAttachments({ id: input.attachment_id, booking_id: booking.id }, { take: 1 }) : []
  if (!attachment) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Attachment ${input.attachment_id} was not found`)
  await sendAttachmentFile(scope, res, attachment)
}
