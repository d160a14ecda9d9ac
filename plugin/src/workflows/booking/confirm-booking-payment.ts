import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { bookingPaymentLockKey, completeBookingWorkflow } from "./complete-booking"
import { type CheckHeldBookingPaymentInput, checkHeldBookingPaymentStep } from "./steps/check-held-booking-payment"
import { releaseHeldBookingStep } from "./steps/release-held-booking"
import { returnVoucherStep } from "../gift-vouchers/steps/redeem"

export const confirmBookingPaymentWorkflowId = "confirm-booking-payment"

export type ConfirmBookingPaymentInput = CheckHeldBookingPaymentInput

/**
 * Finishes a booking held for the bank's 3-D Secure check: after the check in the browser (the
 * confirm route), when Stripe's event says the money is held (the customer closed the tab), or
 * from the expiry job, whichever comes first. Under a lock per booking (shared by every instance
 * with Redis): Stripe holds the money → the order is made and the booking confirmed, once; the
 * bank said no, or the hold waited too long → the booking is let go as a declined one is.
 */
export const confirmBookingPaymentWorkflow = createWorkflow(confirmBookingPaymentWorkflowId, (input: ConfirmBookingPaymentInput) => {
  const lockKey = transform({ input }, ({ input }) => bookingPaymentLockKey(input.booking_id))
  acquireLockStep({ key: lockKey, timeout: 30, ttl: 120, executeOnSubWorkflow: true })
  const held = checkHeldBookingPaymentStep(input)

  when("held-booking-authorized", { held }, ({ held }) => held.outcome === "authorized").then(() => {
    completeBookingWorkflow.runAsStep({
      input: transform({ held }, ({ held }) => ({
        booking_id: held.booking_id,
        cart_id: held.cart_id!,
        by: "customer" as const,
        actor: held.customer_id ? { type: "customer" as const, id: held.customer_id } : null,
      })),
    })
  })
  const released = when("held-booking-let-go", { held }, ({ held }) => held.outcome === "failed" || held.outcome === "expired").then(() => {
    // A gift voucher that paid part of it is given back (issue #20).
    returnVoucherStep(transform({ held }, ({ held }) => ({ booking_id: held.booking_id })))
    return releaseHeldBookingStep(transform({ held }, ({ held }) => ({ booking_id: held.booking_id, cart_id: held.cart_id, session_id: held.session_id })))
  })

  releaseLockStep({ key: lockKey, executeOnSubWorkflow: true })
  return new WorkflowResponse(
    transform({ held, released }, ({ held, released }) => ({
      booking_id: held.booking_id,
      // A hold another caller let go meanwhile: gone, as far as this one is concerned.
      outcome: (held.outcome === "failed" || held.outcome === "expired") && released && !released.released ? ("gone" as const) : held.outcome,
      client_secret: held.client_secret,
      message: held.message,
      code: held.code,
    }))
  )
})
