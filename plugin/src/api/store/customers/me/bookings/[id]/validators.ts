import { z } from "@medusajs/framework/zod"
import { bookingContactChange, clearableText } from "../../../../../utils/common-validators/booking"

/** Contact details and job notes of an upcoming booking; send either or both. */
export const StoreUpdateBooking = z
  .object({
    contact: bookingContactChange("contact must have a name and an email").optional(),
    instructions: clearableText("Instructions", 2000),
  })
  .strict()
  .refine((body) => body.contact !== undefined || body.instructions !== undefined, "Send the contact details or the instructions to change")
export type StoreUpdateBookingType = z.infer<typeof StoreUpdateBooking>

export const StoreCancelBooking = z
  .object({
    /** Optional: why, for the office. */
    reason: clearableText("Reason", 500),
  })
  .strict()
export type StoreCancelBookingType = z.infer<typeof StoreCancelBooking>

export const StoreRescheduleBooking = z
  .object({
    starts_at: z.iso.datetime({ offset: true, error: "starts_at must be one of the times offered (an ISO date and time)" }),
  })
  .strict()
export type StoreRescheduleBookingType = z.infer<typeof StoreRescheduleBooking>

/** After the bank's check, or letting go of the hold: nothing but the session and the booking's id in the path. */
export const StoreConfirmBookingPayment = z.object({}).strict()
export type StoreConfirmBookingPaymentType = z.infer<typeof StoreConfirmBookingPayment>
