import type { MedusaContainer } from "@medusajs/framework/types"
import type { MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { type PlaceBookingInput, type PlaceBookingResult, placeBookingWorkflow } from "../../workflows/booking/place-booking"
import { presentBookingRecord } from "./booking-record"
import { answerConflictError } from "./errors"
import type { ErrorResponse, StoreBookingResponse } from "@fieldservice/contract"

/**
 * Places a booking (the portal's or one staff take) and answers 201 with it, or the refusal in its
 * own words: a window just taken (409), a declined card (402), Stripe unreachable (502, the
 * workflow has undone everything, the PaymentIntent included). A customer whose bank wants them to
 * confirm the payment gets 202 with the held booking and the client secret for Stripe.js.
 */
export async function placeBookingAndAnswer(scope: MedusaContainer, res: MedusaResponse<StoreBookingResponse | ErrorResponse>, input: PlaceBookingInput) {
  await answerPlacedBooking(scope, res, !!input.saved_card_id, async () => (await placeBookingWorkflow(scope).run({ input })).result)
}

/** The same answers for any workflow that places a booking (a visit booked from a quote, too); `withCard` when a saved card was chosen. */
export async function answerPlacedBooking(
  scope: MedusaContainer,
  res: MedusaResponse<StoreBookingResponse | ErrorResponse>,
  withCard: boolean,
  place: () => Promise<PlaceBookingResult>
) {
  try {
    const result = await place()
    // Held for the bank's check (3-D Secure): 202 with what Stripe.js needs; otherwise booked.
    if (result.payment_action) {
      res.status(202).json({ booking: presentBookingRecord(result.booking), payment_action: result.payment_action })
      return
    }
    res.status(201).json({ booking: presentBookingRecord(result.booking) })
  } catch (error) {
    // "That time was just taken" rather than Medusa's generic retry message.
    if (answerConflictError(res, error)) return
    if (MedusaError.isMedusaError(error) && (error as MedusaError).type === MedusaError.Types.PAYMENT_AUTHORIZATION_ERROR) {
      res.status(402).json({ type: "payment_declined", code: (error as MedusaError).code, message: (error as MedusaError).message })
      return
    }
    if (withCard && !MedusaError.isMedusaError(error)) {
      scope.resolve("logger").error(`Card booking failed: ${(error as Error)?.message}`)
      res.status(502).json({
        type: "card_provider_unavailable",
        message: "We couldn't take the card payment just now. Nothing was charged and nothing was booked. Please try again, or pay on the day.",
      })
      return
    }
    throw error
  }
}
