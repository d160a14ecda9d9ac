import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { BOOKING_MODULE, type BookingModuleService } from "../../../modules/booking"

export const setBookingCartStepId = "set-booking-cart"

/** Which Medusa cart pays for the booking, so a booking held for the bank's check can be completed later. */
export const setBookingCartStep = createStep(setBookingCartStepId, async (input: { id: string; cart_id: string }, { container }) => {
  const bookings: BookingModuleService = container.resolve(BOOKING_MODULE)
  const booking = await bookings.updateBookings({ id: input.id, cart_id: input.cart_id })
  // Nothing to undo: a failed booking's record is removed by its own step's compensation.
  return new StepResponse(booking)
})
