import { z } from "@medusajs/framework/zod"
import { bookingContactName, bookingContactPhone, emailAddress } from "@fieldservice/contract"
import { BookingLocation } from "../../../../utils/common-validators/booking"
import { emptyAsNull } from "../../../../utils/common-validators/business-profile"

const id = (label: string) =>
  z
    .string({ error: `${label} is required` })
    .trim()
    .min(1, `${label} is required`)

/** The booking form's answers (portal "Schedule an appointment"). */
export const StoreCreateBooking = z
  .object({
    service_id: id("service_id"),
    variant_id: id("variant_id: choose one of the service's options"),
    starts_at: z.iso.datetime({ offset: true, error: "starts_at must be one of the times offered (an ISO date and time)" }),
    location: BookingLocation,
    contact: z
      .object({
        name: emptyAsNull(bookingContactName),
        email: emailAddress("contact email must be a valid email address").nullish(),
        phone: emptyAsNull(bookingContactPhone),
      })
      .strict()
      .optional(),
    business_profile_id: z.string().trim().min(1).nullish(),
    additional_contact_id: z.string().trim().min(1).nullish(),
    dependent_ids: z.array(z.string().trim().min(1)).max(20, "at most 20 dependents per booking").optional(),
    instructions: z
      .string({ error: "instructions must be text" })
      .trim()
      .refine((text) => text.length <= 2000, "instructions must be at most 2000 characters")
      .nullish(),
    /** One of the customer's saved cards; left out, the visit is paid on the day. */
    saved_card_id: z
      .string({ error: "saved_card_id must be the id of one of your saved cards" })
      .trim()
      .refine((value) => /^[A-Za-z0-9_]{1,255}$/.test(value), "saved_card_id must be the id of one of your saved cards")
      .nullish(),
    /** A gift voucher's code (spaces and lower case forgiven): it pays first, the card or the day the rest. */
    gift_voucher_code: z
      .string({ error: "gift_voucher_code must be the voucher's code" })
      .transform((value) => value.toUpperCase().replace(/\s+/g, ""))
      .refine((value) => value.length <= 64, "That is not a voucher code")
      .transform((value) => value || null)
      .nullish(),
    /** Pay with store credit (referral rewards) after any voucher. */
    use_store_credit: z.boolean({ error: "use_store_credit must be true or false" }).nullish(),
  })
  .strict()
export type StoreCreateBookingType = z.infer<typeof StoreCreateBooking>

/** The review step's price (POST /store/customers/me/booking-price): the booking's choices the price depends on, checked alike. */
export const StoreBookingPrice = StoreCreateBooking.pick({
  service_id: true,
  variant_id: true,
  location: true,
  business_profile_id: true,
  gift_voucher_code: true,
  use_store_credit: true,
}).strict()
export type StoreBookingPriceType = z.infer<typeof StoreBookingPrice>

/** My bookings: upcoming (soonest first) or past (latest first), a page at a time. */
export const StoreGetBookingsParams = z
  .object({
    when: z.enum(["upcoming", "past"], { error: 'when must be "upcoming" or "past"' }).default("upcoming"),
    order: z.enum(["asc", "desc"], { error: 'order must be "asc" or "desc"' }).optional(),
    limit: z.coerce.number({ error: "limit must be a number" }).int().min(1, "limit must be at least 1").max(50, "limit must be at most 50").default(10),
    offset: z.coerce
      .number({ error: "offset must be a number" })
      .int()
      .min(0, "offset cannot be negative")
      .refine((offset) => offset <= Number.MAX_SAFE_INTEGER, "offset is too large")
      .default(0),
  })
  .strict()
export type StoreGetBookingsParamsType = z.infer<typeof StoreGetBookingsParams>
