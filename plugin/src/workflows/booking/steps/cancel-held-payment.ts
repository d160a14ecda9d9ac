import type { IPaymentModuleService } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"

/**
 * Staff cancel a booking still held for the customer's bank check (3-D Secure): it has no order
 * yet, so cancelling an order can't let go of its payment. Its payment sessions are deleted
 * instead (Stripe's PaymentIntent cancelled), so a check passed afterwards holds no money on the
 * card. First of the writes: if Stripe can't be reached, nothing is cancelled.
 */
export const cancelHeldPaymentStep = createStep(
  "cancel-held-booking-payment",
  async (booking: { status: string; cart_id: string | null; order_id: string | null }, { container }) => {
    if (booking.status !== "requested" || !booking.cart_id || booking.order_id) return new StepResponse(0)
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({ entity: "cart", fields: ["payment_collection.payment_sessions.id"], filters: { id: booking.cart_id } })
    const sessions = (data[0] as { payment_collection?: { payment_sessions?: { id: string }[] } } | undefined)?.payment_collection?.payment_sessions ?? []
    const payments: IPaymentModuleService = container.resolve(Modules.PAYMENT)
    for (const session of sessions) await payments.deletePaymentSession(session.id)
    return new StepResponse(sessions.length)
  }
)
