import { z } from "@medusajs/framework/zod"
import { bookingContactChangeFields } from "@fieldservice/contract"

// Limits are checked with .refine() so the customer reads our message, not Medusa's "Value for field … too big".
const within = (label: string, max: number) => (text: string) => text.length <= max
const tooLong = (label: string, max: number) => `${label} must be at most ${max} characters`

/** Empty or null clears it (null); left out stays undefined, so "not sent" and "cleared" differ. */
const optionalText = (label: string, max: number) =>
  z
    .string({ error: `${label} must be text` })
    .trim()
    .refine(within(label, max), tooLong(label, max))
    .nullish()
    .transform((value) => (value === undefined ? undefined : value || null))

/** Who to reach about the visit: replaced as a whole (a phone left out is cleared). The portal's form checks the same fields. */
const BookingContact = z
  .object(
    bookingContactChangeFields({
      name: { empty: "Contact name cannot be empty", tooLong: tooLong("Contact name", 200) },
      email: { invalid: "Contact email must be a valid email address, like name@example.com", tooLong: tooLong("Contact email", 200) },
      phone: { invalid: "Contact phone must be a phone number, like 0117 496 0000", tooLong: tooLong("Contact phone", 50) },
    }),
    { error: "contact must have a name and an email" }
  )
  .strict()

/** Contact details and job notes of an upcoming booking; send either or both. */
export const StoreUpdateBooking = z
  .object({
    contact: BookingContact.optional(),
    instructions: optionalText("Instructions", 2000),
  })
  .strict()
  .refine((body) => body.contact !== undefined || body.instructions !== undefined, "Send the contact details or the instructions to change")
export type StoreUpdateBookingType = z.infer<typeof StoreUpdateBooking>

export const StoreCancelBooking = z
  .object({
    /** Optional: why, for the office. */
    reason: optionalText("Reason", 500),
  })
  .strict()
export type StoreCancelBookingType = z.infer<typeof StoreCancelBooking>

export const StoreRescheduleBooking = z
  .object({
    starts_at: z.iso.datetime({ offset: true, error: "starts_at must be one of the times offered (an ISO date and time)" }),
  })
  .strict()
export type StoreRescheduleBookingType = z.infer<typeof StoreRescheduleBooking>
