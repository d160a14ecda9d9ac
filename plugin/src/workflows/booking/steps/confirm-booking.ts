import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { BOOKING_MODULE, type BookingModuleService } from "../../../modules/booking"

export const confirmBookingStepId = "confirm-booking"

/** The booking is made: its order exists. Undone (back to requested, no order) if a later step fails. */
export const confirmBookingStep = createStep(
  confirmBookingStepId,
  async (input: { id: string; order_id: string }, { container }) => {
    const bookings: BookingModuleService = container.resolve(BOOKING_MODULE)
    const booking = await bookings.updateBookings({ id: input.id, order_id: input.order_id, status: "confirmed" })
    return new StepResponse(booking, input.id)
  },
  async (id, { container }) => {
    if (!id) return
    const bookings: BookingModuleService = container.resolve(BOOKING_MODULE)
    await bookings.updateBookings({ id, order_id: null, status: "requested" })
  }
)
