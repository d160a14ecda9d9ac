import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { BOOKING_MODULE, type BookingModuleService, upcomingOrPast } from "../../../../../modules/booking"
import { placeBookingWorkflow } from "../../../../../workflows/booking/place-booking"
import type { StoreGetBookingsParamsType, StoreCreateBookingType } from "./validators"
import { answerConflictError } from "../../../../utils/errors"
import { presentBookingRecord } from "../../../../utils/booking-record"
import type { ErrorResponse, StoreBookingListResponse, StoreBookingResponse } from "@fieldservice/contract"

/**
 * My bookings: upcoming ones (open, not over) soonest first, past ones (completed, cancelled or over)
 * latest first, or as `order` says; a page at a time.
 */
export async function GET(req: AuthenticatedMedusaRequest<unknown, StoreGetBookingsParamsType>, res: MedusaResponse<StoreBookingListResponse>) {
  const bookings: BookingModuleService = req.scope.resolve(BOOKING_MODULE)
  const { when, order, limit, offset } = req.validatedQuery
  const now = new Date()
  const direction = (order ?? (when === "upcoming" ? "asc" : "desc")).toUpperCase() as "ASC" | "DESC"
  const [list, count] = await bookings.listAndCountBookings(
    { customer_id: req.auth_context.actor_id, ...upcomingOrPast(when, now) },
    { order: { starts_at: direction }, take: limit, skip: offset }
  )
  res.json({ bookings: list.map((booking) => presentBookingRecord(booking)), count, limit, offset })
}

/**
 * Schedule an appointment: reserve the window, pay through Medusa's cart and order (on the day, or
 * authorized on a saved card), record the booking.
 */
export async function POST(req: AuthenticatedMedusaRequest<StoreCreateBookingType>, res: MedusaResponse<StoreBookingResponse | ErrorResponse>) {
  const channels = (req as unknown as { publishable_key_context?: { sales_channel_ids: string[] } }).publishable_key_context?.sales_channel_ids ?? []
  try {
    const { result } = await placeBookingWorkflow(req.scope).run({
      input: {
        ...req.validatedBody,
        customer_id: req.auth_context.actor_id,
        sales_channel_id: channels[0] ?? null,
      },
    })
    res.status(201).json({ booking: presentBookingRecord(result) })
  } catch (error) {
    // "That time was just taken" rather than Medusa's generic retry message.
    if (answerConflictError(res, error)) return
    // The card was declined (or needs the bank's confirmation): nothing was booked or charged.
    if (MedusaError.isMedusaError(error) && (error as MedusaError).type === MedusaError.Types.PAYMENT_AUTHORIZATION_ERROR) {
      res.status(402).json({ type: "payment_declined", code: (error as MedusaError).code, message: (error as MedusaError).message })
      return
    }
    // Stripe refused or couldn't be reached; the workflow has undone everything, the PaymentIntent included.
    if (req.validatedBody.saved_card_id && !MedusaError.isMedusaError(error)) {
      req.scope.resolve("logger").error(`Card booking failed: ${(error as Error)?.message}`)
      res.status(502).json({
        type: "card_provider_unavailable",
        message: "We couldn't take the card payment just now. Nothing was charged and nothing was booked. Please try again, or pay on the day.",
      })
      return
    }
    throw error
  }
}
