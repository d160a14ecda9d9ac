import { createWorkflow, transform, WorkflowData, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { recordActivityStep } from "../customer-profile/steps/record-activity"
import type { ActivityActor } from "../customer-profile/activity"
import { bookingActivityStep } from "./booking-activity"
import { checkNewBookingTimeStep } from "./steps/check-new-booking-time"
import type { BookingOwner } from "../../modules/booking"
import { loadBookingForChangeStep, type LoadedBooking } from "./steps/load-booking-for-change"
import { moveBookingStep } from "./steps/move-booking"
import { officeContactStep } from "./steps/office-contact"
import { releaseBookingWindowStep } from "./steps/release-booking-window"
import { releaseBusyFieldworkerStep } from "./steps/release-busy-fieldworker"
import { reserveNewBookingWindowStep } from "./steps/reserve-new-booking-window"

export const BOOKING_RESCHEDULED = "booking.rescheduled"

export const rescheduleBookingWorkflowId = "reschedule-booking"

/** Who moved the visit: the office is emailed only about the customer's own moves. */
export type RescheduledBy = "customer" | "staff"

/**
 * The move itself, shared by the customer's and the staff's reschedule: the new window is
 * reserved first (atomically, so a taken window is a 409 and nothing changes), then the booking
 * moves (only if nobody changed it meanwhile), then the old window's place is given back. Any
 * failure undoes the earlier steps. `booking.rescheduled` carries the old time for the emails.
 */
export function moveBookingToWindow(
  booking: WorkflowData<LoadedBooking>,
  input: WorkflowData<{ starts_at: string; actor?: ActivityActor | null; by: RescheduledBy }>
) {
  const window = reserveNewBookingWindowStep(
    transform({ input, booking }, ({ input, booking }) => ({ product_id: booking.product_id!, starts_at: input.starts_at, by: input.by }))
  )
  const moved = moveBookingStep(transform({ booking, window }, ({ booking, window }) => ({ booking, window })))
  const unassigned = releaseBusyFieldworkerStep(transform({ booking }, ({ booking }) => ({ booking_id: booking.id })))
  recordActivityStep(
    bookingActivityStep(
      transform({ booking, unassigned, input }, ({ booking, unassigned, input }) => ({
        booking_id: booking.id,
        kind: "booking_rescheduled" as const,
        previous: { starts_at: booking.starts_at, window_ends_at: booking.window_ends_at ?? booking.ends_at },
        unassigned_fieldworker_id: unassigned ?? null,
        actor: input.actor ?? null,
      }))
    )
  )
  releaseBookingWindowStep(transform({ booking }, ({ booking }) => ({ product_id: booking.product_id!, starts_at: booking.starts_at })))
  emitEventStep({
    eventName: BOOKING_RESCHEDULED,
    data: transform({ booking, input }, ({ booking, input }) => ({
      id: booking.id,
      previous_starts_at: booking.starts_at,
      previous_window_ends_at: booking.window_ends_at ?? booking.ends_at,
      rescheduled_by: input.by,
    })),
  })
  return transform({ moved, unassigned }, ({ moved, unassigned }) => (unassigned ? { ...moved, fieldworker_id: null } : moved))
}

/** The customer (signed in, or with their booking number) moves the visit to another free window of the same service before the cut-off. */
export const rescheduleBookingWorkflow = createWorkflow(rescheduleBookingWorkflowId, (input: BookingOwner & { booking_id: string; starts_at: string }) => {
  const booking = loadBookingForChangeStep(
    transform({ input }, ({ input }) => ({ customer_id: input.customer_id, email: input.email, booking_id: input.booking_id, change: "reschedule" as const }))
  )
  const office = officeContactStep()
  checkNewBookingTimeStep(transform({ input, booking, office }, ({ input, booking, office }) => ({ booking, starts_at: input.starts_at, office })))
  const moved = moveBookingToWindow(
    booking,
    transform({ input }, ({ input }) => ({ starts_at: input.starts_at, by: "customer" as const }))
  )
  return new WorkflowResponse(moved)
})
