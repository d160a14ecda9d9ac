import { z } from "@medusajs/framework/zod"
import { StoreCreateBooking } from "../../store/customers/me/bookings/validators"
import { BookingLocation } from "./booking"

/**
 * Booking a visit from an accepted quote (the customer's POST …/quotes/:id/schedule, staff's
 * POST /admin/quotes/:id/schedule): an arrival time offered for the quote's service, where (only
 * when the quote has no address), how to pay (a saved card, else on the day) and notes for the team.
 */
export const QuoteSchedule = StoreCreateBooking.pick({ starts_at: true, saved_card_id: true, instructions: true })
  .extend({ location: BookingLocation.optional() })
  .strict()
export type QuoteScheduleType = z.infer<typeof QuoteSchedule>

/**
 * The same through the emailed quote link's session, which sees no saved cards or locations: a
 * time at the quote's own address, paid on the day. Sign in to pay by card or choose a place.
 */
export const QuoteLinkSchedule = QuoteSchedule.pick({ starts_at: true, instructions: true }).strict()
