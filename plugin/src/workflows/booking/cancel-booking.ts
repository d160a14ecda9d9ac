import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { returnVoucherStep } from "../gift-vouchers/steps/redeem"
import { cancelOrderWorkflow, emitEventStep } from "@medusajs/medusa/core-flows"
import { recordActivityStep } from "../customer-profile/steps/record-activity"
import { bookingActivityStep } from "./booking-activity"
import { findOrderToCancelStep } from "./steps/find-booking-order-to-cancel"
import type { BookingOwner } from "../../modules/booking"
import { loadBookingForChangeStep } from "./steps/load-booking-for-change"
import { markBookingCancelledStep } from "./steps/mark-booking-cancelled"
import { releaseBookingWindowStep } from "./steps/release-booking-window"

export const BOOKING_CANCELLED = "booking.cancelled"

export const cancelBookingWorkflowId = "cancel-booking"

/**
 * The customer (signed in, or with their booking number) cancels before the business's cut-off: the booking is marked cancelled (only if
 * nobody changed it meanwhile), its place in the arrival window is given back, and its Medusa
 * order is cancelled, which cancels the payment or refunds what was taken. Any failure undoes
 * the earlier steps. The office and the customer hear of it through `booking.cancelled`.
 */
export const cancelBookingWorkflow = createWorkflow(cancelBookingWorkflowId, (input: BookingOwner & { booking_id: string; reason?: string | null }) => {
  const booking = loadBookingForChangeStep(
    transform({ input }, ({ input }) => ({ customer_id: input.customer_id, email: input.email, booking_id: input.booking_id, change: "cancel" as const }))
  )
  const cancelled = markBookingCancelledStep(
    transform({ input, booking }, ({ input, booking }) => ({ booking, cancelled_by: "customer" as const, reason: input.reason ?? null }))
  )
  recordActivityStep(
    bookingActivityStep(
      transform({ input, booking }, ({ input, booking }) => ({
        booking_id: booking.id,
        kind: "booking_cancelled" as const,
        reason: input.reason ?? null,
        previous_status: booking.status,
      }))
    )
  )
  when({ booking }, ({ booking }) => !!booking.product_id).then(() => {
    releaseBookingWindowStep(transform({ booking }, ({ booking }) => ({ product_id: booking.product_id!, starts_at: booking.starts_at })))
  })
  // A gift voucher that paid for it is given back (issue #20).
  returnVoucherStep(transform({ booking }, ({ booking }) => ({ booking_id: booking.id })))
  const orderId = findOrderToCancelStep(transform({ booking }, ({ booking }) => ({ order_id: booking.order_id })))
  // Last of the writes: a cancelled payment cannot be taken back, so nothing after it may fail.
  when({ orderId }, ({ orderId }) => !!orderId).then(() => {
    cancelOrderWorkflow.runAsStep({
      input: transform({ orderId, input }, ({ orderId, input }) => ({ order_id: orderId!, canceled_by: input.customer_id ?? input.email })),
    })
  })
  emitEventStep({
    eventName: BOOKING_CANCELLED,
    data: transform({ booking }, ({ booking }) => ({ id: booking.id, cancelled_by: "customer" })),
  })
  return new WorkflowResponse(cancelled)
})
