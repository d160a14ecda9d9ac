import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { BOOKING_MODULE, type BookingModuleService, upcomingOrPast } from "../../../../../modules/booking"
import { placeBookingAndAnswer } from "../../../../utils/place-booking"
import type { StoreGetBookingsParamsType, StoreCreateBookingType } from "./validators"
import { presentBookingRecord } from "../../../../utils/booking-record"
import type { ErrorResponse, StoreBookingListResponse, StoreBookingResponse } from "@fieldservice/contract"

/**
 * My bookings: upcoming ones (open, not over) soonest first, past ones (completed, cancelled or over)
 * latest first, or as `order` says; a page at a time. Bookings still waiting for the bank's check
 * (requested) are left out.
 */
export async function GET(req: AuthenticatedMedusaRequest<unknown, StoreGetBookingsParamsType>, res: MedusaResponse<StoreBookingListResponse>) {
  const bookings: BookingModuleService = req.scope.resolve(BOOKING_MODULE)
  const { when, order, limit, offset } = req.validatedQuery
  const now = new Date()
  const direction = (order ?? (when === "upcoming" ? "asc" : "desc")).toUpperCase() as "ASC" | "DESC"
  // A booking held for the bank's 3-D Secure check isn't made yet: it shows once confirmed.
  const [list, count] = await bookings.listAndCountBookings(
    { $and: [{ customer_id: req.auth_context.actor_id }, upcomingOrPast(when, now), { status: { $ne: "requested" } }] },
    { order: { starts_at: direction }, take: limit, skip: offset }
  )
  res.json({ bookings: list.map((booking) => presentBookingRecord(booking)), count, limit, offset })
}

/**
 * Schedule an appointment: reserve the window, pay through Medusa's cart and order (on the day, or
 * authorized on a saved card), record the booking. 202 when the bank wants the customer to confirm
 * the card payment first (…/bookings/:id/confirm-payment after Stripe.js's check).
 */
export async function POST(req: AuthenticatedMedusaRequest<StoreCreateBookingType>, res: MedusaResponse<StoreBookingResponse | ErrorResponse>) {
  const channels = (req as unknown as { publishable_key_context?: { sales_channel_ids: string[] } }).publishable_key_context?.sales_channel_ids ?? []
  await placeBookingAndAnswer(req.scope, res, { ...req.validatedBody, customer_id: req.auth_context.actor_id, sales_channel_id: channels[0] ?? null })
}
