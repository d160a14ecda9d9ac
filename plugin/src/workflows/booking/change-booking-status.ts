import { MedusaError } from "@medusajs/framework/utils"
import { createStep, createWorkflow, StepResponse, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, cancelOrderWorkflow, emitEventStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { BOOKING_CONFLICT_CODES, type BookingStatus } from "@fieldservice/contract"
import { BOOKING_CANCELLED } from "./cancel-booking"
import { returnVoucherStep } from "../gift-vouchers/steps/redeem"
import { cancelHeldPaymentStep } from "./steps/cancel-held-payment"
import { findOrderToCancelStep } from "./steps/find-booking-order-to-cancel"
import { BOOKING_MODULE, type BookingModuleService, completionIsEarly, describeBookingArrival } from "../../modules/booking"
import { SERVICES_MODULE, type ServicesModuleService } from "../../modules/services"
import type { ActivityActor } from "../customer-profile/activity"
import { recordActivityStep, type ActivityEntry } from "../customer-profile/steps/record-activity"
import { type AdminBookingRecord as Booking, BOOKING_STATUS_CHANGED, findAdminBooking as findBooking } from "./admin-booking-record"
import { HELD_BOOKING_MINUTES } from "@fieldservice/contract"
import { canChangeStatus, refusedTransitionMessage, STATUS_LABELS } from "./booking-status"

export const prepareBookingStatusChangeStepId = "prepare-booking-status-change"
export const updateBookingStatusStepId = "update-booking-status"
export const releaseCancelledBookingWindowStepId = "release-cancelled-booking-window"
export const changeBookingStatusWorkflowId = "change-booking-status"

export type ChangeBookingStatusInput = {
  booking_id: string
  status: BookingStatus
  /** Why staff cancelled (only with "cancelled"). */
  reason?: string | null
  /** Staff confirmed the work is done although the arrival window hasn't started (only with "completed"). */
  early_finish?: boolean
  actor?: ActivityActor | string | null
  /**
   * Only for imports and the demo data (no route accepts it): when the change happened, such as a
   * past visit completed at its end. Now when not given; never later than now.
   */
  at?: string | null
}

/**
 * Checks the change: allowed from the booking's status, and a completion before the arrival window
 * starts only when staff confirmed an early finish (409 with code "visit_not_started" otherwise).
 */
const prepareStatusChangeStep = createStep(prepareBookingStatusChangeStepId, async (input: ChangeBookingStatusInput, { container }) => {
  const bookings: BookingModuleService = container.resolve(BOOKING_MODULE)
  const booking = await findBooking(bookings, input.booking_id)
  if (!canChangeStatus(booking.status, input.status)) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, refusedTransitionMessage(booking.booking_number, booking.status, input.status))
  }
  // Held for the customer's bank check (3-D Secure): it confirms itself once the bank says yes, or is let go.
  if (booking.status === "requested" && booking.cart_id && !booking.order_id && input.status !== "cancelled") {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `Booking ${booking.booking_number} is waiting for the customer's bank to confirm the card payment. It is confirmed by itself once they do, or let go after ${HELD_BOOKING_MINUTES} minutes.`
    )
  }
  const now = new Date()
  const at = input.at ? new Date(input.at) : now
  if (Number.isNaN(at.getTime()) || at.getTime() > now.getTime()) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `A status change can't be recorded as happening later than now (${input.at}).`)
  }
  const early = input.status === "completed" && completionIsEarly(booking, at)
  if (early && !input.early_finish) {
    const services: ServicesModuleService = container.resolve(SERVICES_MODULE)
    throw new MedusaError(
      MedusaError.Types.CONFLICT,
      `Booking ${booking.booking_number}'s visit hasn't started yet: it is on ${describeBookingArrival(booking, services.timeZone)}. Mark it completed only if the work is already done.`,
      BOOKING_CONFLICT_CODES.notStarted
    )
  }
  return new StepResponse({ ...booking, early, changed_at: at.toISOString() })
})

const updateBookingStatusStep = createStep(
  updateBookingStatusStepId,
  async (input: { booking: Booking; status: BookingStatus; reason?: string | null; at: string }, { container }) => {
    const bookings: BookingModuleService = container.resolve(BOOKING_MODULE)
    const { booking } = input
    const at = new Date(input.at)
    const cancelling = input.status === "cancelled"
    const completing = input.status === "completed"
    const updated = await bookings.updateBookings({
      id: booking.id,
      status: input.status,
      ...(cancelling ? { cancelled_at: at, cancelled_by: "staff", cancellation_reason: input.reason ?? null } : {}),
      // When and from what, so "Undo" can put it back for a few minutes.
      ...(completing ? { completed_at: at, completed_from: booking.status } : {}),
    })
    return new StepResponse(updated, {
      id: booking.id,
      status: booking.status,
      completed_at: booking.completed_at ? new Date(booking.completed_at) : null,
      completed_from: booking.completed_from,
      cancelled_at: booking.cancelled_at ? new Date(booking.cancelled_at) : null,
      cancelled_by: booking.cancelled_by,
      cancellation_reason: booking.cancellation_reason,
    })
  },
  async (previous, { container }) => {
    if (!previous) return
    const bookings: BookingModuleService = container.resolve(BOOKING_MODULE)
    await bookings.updateBookings(previous)
  }
)

/** A cancelled visit gives its place in the arrival window back, so another customer can book it. */
const releaseBookedWindowStep = createStep(
  releaseCancelledBookingWindowStepId,
  async (input: { product_id: string; starts_at: string }, { container }) => {
    const services: ServicesModuleService = container.resolve(SERVICES_MODULE)
    const [window] = await services.listBookedWindows({ product_id: input.product_id, starts_at: new Date(input.starts_at) }, { take: 1 })
    if (!window || window.booked <= 0) return new StepResponse<boolean, string | null>(false, null)
    await services.releaseWindow(input.product_id, new Date(input.starts_at))
    return new StepResponse<boolean, string | null>(true, window.id)
  },
  async (windowId, { container }) => {
    if (!windowId) return
    // Undo: the place is taken again (no capacity check: it was this booking's place a moment ago).
    const services: ServicesModuleService = container.resolve(SERVICES_MODULE)
    const window = await services.retrieveBookedWindow(windowId)
    await services.updateBookedWindows({ id: windowId, booked: window.booked + 1 })
  }
)

/**
 * Staff move a booking through its visit: confirmed → in progress → completed, or cancel it
 * (which frees its arrival window and records who cancelled and why). Refused transitions answer
 * with what the booking can become instead.
 */
export const changeBookingStatusWorkflow = createWorkflow(changeBookingStatusWorkflowId, (input: ChangeBookingStatusInput) => {
  const lockKey = transform({ input }, ({ input }) => `booking:${input.booking_id}`)
  acquireLockStep({ key: lockKey, timeout: 10, ttl: 30 })
  const booking = prepareStatusChangeStep(input)
  when({ booking, input }, ({ booking, input }) => input.status === "cancelled" && booking.status === "requested").then(() => {
    cancelHeldPaymentStep(booking)
  })
  const updated = updateBookingStatusStep(
    transform({ booking, input }, ({ booking, input }) => ({
      booking,
      status: input.status,
      reason: input.reason,
      at: booking.changed_at,
    }))
  )
  recordActivityStep(
    transform({ booking, input }, ({ booking, input }): ActivityEntry[] => {
      if (!booking.customer_id) return []
      const visit = `Booking ${booking.booking_number} (${booking.service_title})`
      const message =
        input.status === "cancelled"
          ? `${visit} was cancelled by staff${input.reason ? `: ${input.reason}` : "."}`
          : booking.early
            ? `${visit} was marked ${STATUS_LABELS[input.status]} before its arrival window (finished early).`
            : `${visit} was marked ${STATUS_LABELS[input.status]}.`
      return [
        {
          customer_id: booking.customer_id,
          kind: "booking_status_changed",
          message,
          data: { booking_id: booking.id, from: booking.status, to: input.status, reason: input.reason ?? null, early_finish: booking.early },
          changes: [
            { field: "status", label: `Status of ${booking.booking_number}`, before: STATUS_LABELS[booking.status], after: STATUS_LABELS[input.status] },
          ],
          actor: input.actor ?? null,
        },
      ]
    })
  )
  when({ booking, input }, ({ booking, input }) => input.status === "cancelled" && !!booking.product_id).then(() => {
    releaseBookedWindowStep(
      transform({ booking }, ({ booking }) => ({ product_id: booking.product_id!, starts_at: new Date(booking.starts_at).toISOString() }))
    )
  })
  // A gift voucher that paid for a cancelled visit is given back (issue #20).
  when({ input }, ({ input }) => input.status === "cancelled").then(() => {
    returnVoucherStep(transform({ booking }, ({ booking }) => ({ booking_id: booking.id })))
  })
  // A cancelled visit's Medusa order is cancelled too, which releases a hold on the customer's card.
  // Last of the writes: a cancelled payment cannot be taken back.
  const cancelledOrderId = when({ input }, ({ input }) => input.status === "cancelled").then(() =>
    findOrderToCancelStep(transform({ booking }, ({ booking }) => ({ order_id: booking.order_id ?? null })))
  )
  when({ cancelledOrderId }, ({ cancelledOrderId }) => !!cancelledOrderId).then(() => {
    cancelOrderWorkflow.runAsStep({
      input: transform({ cancelledOrderId, input }, ({ cancelledOrderId, input }) => ({
        order_id: cancelledOrderId!,
        canceled_by: (typeof input.actor === "string" ? input.actor : input.actor?.id) ?? undefined,
      })),
    })
  })
  releaseLockStep({ key: lockKey })
  when({ input }, ({ input }) => input.status === "cancelled").then(() => {
    emitEventStep({
      eventName: BOOKING_CANCELLED,
      data: transform({ booking }, ({ booking }) => ({ id: booking.id, cancelled_by: "staff" })),
    }).config({ name: "emit-booking-cancelled-by-staff" })
  })
  emitEventStep({
    eventName: BOOKING_STATUS_CHANGED,
    data: transform({ booking, input }, ({ booking, input }) => ({
      id: booking.id,
      from: booking.status,
      to: input.status,
      by: "staff",
      reason: input.reason ?? null,
      // Recorded after the fact (imports, demo data): news to nobody.
      ...(input.at ? { imported: true } : {}),
    })),
  })
  return new WorkflowResponse(updated)
})
