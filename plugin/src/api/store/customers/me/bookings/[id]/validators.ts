import { z } from "@medusajs/framework/zod"
import { EMAIL_PATTERN } from "@fieldservice/contract"

// Limits are checked with .refine() so the customer reads our message, not Medusa's "Value for field … too big".
const within = (label: string, max: number) => (text: string) => text.length <= max
const tooLong = (label: string, max: number) => `${label} must be at most ${max} characters`

const requiredText = (label: string, max: number) =>
  z
    .string({ error: `${label} is required` })
    .trim()
    .refine((text) => text.length > 0, `${label} cannot be empty`)
    .refine(within(label, max), tooLong(label, max))

/** Empty or null clears it (null); left out stays undefined, so "not sent" and "cleared" differ. */
const optionalText = (label: string, max: number) =>
  z
    .string({ error: `${label} must be text` })
    .trim()
    .refine(within(label, max), tooLong(label, max))
    .nullish()
    .transform((value) => (value === undefined ? undefined : value || null))

/** Who to reach about the visit: replaced as a whole (a phone left out is cleared). */
const BookingContact = z
  .object(
    {
      name: requiredText("Contact name", 200),
      email: z
        .string({ error: "Contact email is required" })
        .trim()
        .toLowerCase()
        .refine((email) => EMAIL_PATTERN.test(email), "Contact email must be a valid email address, like name@example.com")
        .refine(within("Contact email", 200), tooLong("Contact email", 200)),
      phone: optionalText("Contact phone", 50).refine(
        (phone) => !phone || /^[+()\d\s.-]{5,}$/.test(phone),
        "Contact phone must be a phone number, like 0117 496 0000"
      ),
    },
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
