import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { ErrorResponse, StoreBookingHoldReleaseResponse } from "@fieldservice/contract"
import { loadOwnBookingRecord, settleHeldBooking } from "../../helpers"

/**
 * "Choose another way to pay" while a booking waits for the bank's 3-D Secure check: Stripe is
 * asked once more (a check that did pass confirms the booking, `released: false`), otherwise the
 * hold is let go at once as a failed check is: PaymentIntent cancelled, window given back.
 */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse<StoreBookingHoldReleaseResponse | ErrorResponse>) {
  const customerId = req.auth_context.actor_id
  const result = await settleHeldBooking(
    req.scope,
    res,
    { booking_id: req.params.id, customer_id: customerId, let_go: true },
    "We couldn't reach our card payment provider just now. Nothing was charged; the time you chose is let go within 30 minutes."
  )
  if (!result) return
  if (result.outcome === "failed" || result.outcome === "expired" || result.outcome === "gone") {
    res.json({ booking: null, released: true })
    return
  }
  res.json({ booking: await loadOwnBookingRecord(req.scope, customerId, req.params.id), released: false })
}
