import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { completeCartWorkflow, emitEventStep } from "@medusajs/medusa/core-flows"
import type { BookingParty } from "../../modules/services"
import type { ActivityActor } from "../customer-profile/activity"
import { recordActivityStep } from "../customer-profile/steps/record-activity"
import { bookingActivityStep } from "./booking-activity"
import { confirmBookingStep } from "./steps/confirm-booking"

export const BOOKING_PLACED = "booking.placed"
export const completeBookingWorkflowId = "complete-booking"

export type CompleteBookingInput = {
  booking_id: string
  cart_id: string
  by: BookingParty
  actor?: ActivityActor | null
  /** An imported booking, or a visit of a repeat series, sends no "booking placed" notices. */
  imported?: boolean
}

/**
 * The booking is made once its payment is through (authorized on the card, or pay on the day):
 * Medusa's cart becomes its order, the booking is confirmed, the customer's history gets its line
 * and `booking.placed` sends the confirmation. Placing a booking runs it at once; a booking held
 * for the bank's 3-D Secure check runs it when the check has passed. Callers hold the booking's
 * lock (`booking-payment:<id>`), as completeCartWorkflow asks.
 */
export const completeBookingWorkflow = createWorkflow(completeBookingWorkflowId, (input: CompleteBookingInput) => {
  const order = completeCartWorkflow.runAsStep({ input: transform({ input }, ({ input }) => ({ id: input.cart_id })) })
  const confirmed = confirmBookingStep(transform({ input, order }, ({ input, order }) => ({ id: input.booking_id, order_id: order.id })))
  const placed = bookingActivityStep(
    transform({ confirmed, input }, ({ confirmed, input }) => ({ booking_id: confirmed.id, kind: "booking_placed" as const, actor: input.actor }))
  )
  recordActivityStep(placed)
  when({ input }, ({ input }) => !input.imported).then(() => {
    emitEventStep({
      eventName: BOOKING_PLACED,
      data: transform({ confirmed, input }, ({ confirmed, input }) => ({ id: confirmed.id, by: input.by })),
    })
  })
  return new WorkflowResponse(confirmed)
})

/** The lock a booking's payment is completed under, by whichever of its callers gets there first. */
export const bookingPaymentLockKey = (bookingId: string) => `booking-payment:${bookingId}`
