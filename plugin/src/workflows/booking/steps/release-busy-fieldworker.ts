import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { BOOKING_MODULE, type BookingModuleService } from "../../../modules/booking"

export const releaseBusyFieldworkerStepId = "release-busy-fieldworker"

/**
 * A fieldworker assigned to the visit who is busy at the new time is taken off it (staff see the
 * visit unassigned and the move in the customer's activity); one who is free keeps it.
 */
export const releaseBusyFieldworkerStep = createStep(
  releaseBusyFieldworkerStepId,
  async (input: { booking_id: string }, { container }) => {
    const bookings: BookingModuleService = container.resolve(BOOKING_MODULE)
    const booking = await bookings.retrieveBooking(input.booking_id)
    if (!booking.fieldworker_id) return new StepResponse(null, null)
    const clash = await bookings.findFieldworkerClash({
      fieldworker_id: booking.fieldworker_id,
      booking_id: booking.id,
      starts_at: new Date(booking.starts_at),
      ends_at: new Date(booking.ends_at),
    })
    if (!clash) return new StepResponse(null, null)
    await bookings.updateBookings({ id: booking.id, fieldworker_id: null })
    return new StepResponse(booking.fieldworker_id, { id: booking.id, fieldworker_id: booking.fieldworker_id })
  },
  async (previous, { container }) => {
    if (!previous) return
    const bookings: BookingModuleService = container.resolve(BOOKING_MODULE)
    await bookings.updateBookings(previous)
  }
)
