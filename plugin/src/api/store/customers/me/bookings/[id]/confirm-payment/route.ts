import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { ErrorResponse, StoreBookingResponse } from "@fieldservice/contract"
import { NOTHING_BOOKED } from "../../../../../../../workflows/booking/steps/check-card-payment"
import { loadOwnBookingRecord, settleHeldBooking } from "../../helpers"

/**
 * After the bank's 3-D Secure check in the browser (Stripe.js `handleNextAction`): asks Stripe how
 * the held booking's payment ended. Held → the order is made and the booking confirmed (200, once
 * however often it is asked); still waiting → 202 with the client secret again; the bank said no →
 * 402, and the booking is let go (window given back, PaymentIntent cancelled).
 */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse<StoreBookingResponse | ErrorResponse>) {
  const customerId = req.auth_context.actor_id
  const result = await settleHeldBooking(
    req.scope,
    res,
    { booking_id: req.params.id, customer_id: customerId },
    "We couldn't reach our card payment provider just now. Please try again in a minute; your booking is held meanwhile."
  )
  if (!result) return
  if (result.outcome === "failed" || result.outcome === "expired" || result.outcome === "gone") {
    res.status(402).json({
      type: "payment_declined",
      code: result.code ?? "card_not_authorized",
      message:
        result.outcome === "failed" && result.message
          ? result.message
          : `The card payment wasn't confirmed in time, so the booking was let go. ${NOTHING_BOOKED}`,
    })
    return
  }
  const booking = await loadOwnBookingRecord(req.scope, customerId, req.params.id)
  if (result.outcome === "requires_action" && result.client_secret) {
    res.status(202).json({ booking, payment_action: { status: "requires_action", client_secret: result.client_secret } })
    return
  }
  res.json({ booking })
}
