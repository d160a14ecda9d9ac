import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { cancelOrderWorkflow } from "@medusajs/medusa/core-flows"
import type { ActivityActor } from "../customer-profile/activity"
import { recordActivityStep } from "../customer-profile/steps/record-activity"
import { bookingActivityStep } from "../booking/booking-activity"
import { findOrderToCancelStep } from "../booking/steps/find-booking-order-to-cancel"
import type { LoadedBooking } from "../booking/steps/load-booking-for-change"
import { markBookingCancelledStep } from "../booking/steps/mark-booking-cancelled"
import { releaseBookingWindowStep } from "../booking/steps/release-booking-window"

export const cancelSeriesVisitWorkflowId = "cancel-series-visit"

/**
 * One visit of a series comes off the schedule because the series changed (paused, ended,
 * changed from a date, or its customer archived or blocked): cancelled as a single booking is
 * (only if unchanged, its window's place given back, its order cancelled, so nothing is ever
 * charged), with a line in the history. The cut-off was checked by the caller; the emails are the
 * series change's, one for the whole change rather than one per visit.
 */
export const cancelSeriesVisitWorkflow = createWorkflow(
  cancelSeriesVisitWorkflowId,
  (input: { booking: LoadedBooking; cancelled_by: "customer" | "staff"; reason: string; actor?: ActivityActor | null }) => {
    const cancelled = markBookingCancelledStep(
      transform({ input }, ({ input }) => ({ booking: input.booking, cancelled_by: input.cancelled_by, reason: input.reason }))
    )
    recordActivityStep(
      bookingActivityStep(
        transform({ input }, ({ input }) => ({
          booking_id: input.booking.id,
          kind: "booking_cancelled" as const,
          reason: input.reason,
          previous_status: input.booking.status,
          actor: input.actor ?? null,
        }))
      )
    )
    when({ input }, ({ input }) => !!input.booking.product_id).then(() => {
      releaseBookingWindowStep(transform({ input }, ({ input }) => ({ product_id: input.booking.product_id!, starts_at: input.booking.starts_at })))
    })
    const orderId = findOrderToCancelStep(transform({ input }, ({ input }) => ({ order_id: input.booking.order_id })))
    when({ orderId }, ({ orderId }) => !!orderId).then(() => {
      cancelOrderWorkflow.runAsStep({
        input: transform({ orderId, input }, ({ orderId, input }) => ({ order_id: orderId!, canceled_by: input.cancelled_by })),
      })
    })
    return new WorkflowResponse(cancelled)
  }
)
