import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { BOOKING_MODULE, type BookingModuleService } from "../../../modules/booking"
import { changedMeanwhile, type LoadedBooking } from "./load-booking-for-change"

export const moveBookingStepId = "move-booking"

/** Moves the booking into the reserved window, only if nobody changed it since it was loaded; moved back if a later step fails. */
export const moveBookingStep = createStep(
  moveBookingStepId,
  async (input: { booking: LoadedBooking; window: { starts_at: string; ends_at: string } }, { container }) => {
    const bookings: BookingModuleService = container.resolve(BOOKING_MODULE)
    const { booking, window } = input
    // The visit keeps the length it was booked with.
    const length = new Date(booking.ends_at).getTime() - new Date(booking.starts_at).getTime()
    const startsAt = new Date(window.starts_at)
    const moved = await bookings.moveIfUnchanged({
      id: booking.id,
      from_starts_at: new Date(booking.starts_at),
      starts_at: startsAt,
      ends_at: new Date(startsAt.getTime() + length),
      window_ends_at: new Date(window.ends_at),
    })
    if (!moved) throw changedMeanwhile()
    return new StepResponse(await bookings.retrieveBooking(booking.id), booking)
  },
  async (previous, { container }) => {
    if (!previous) return
    const bookings: BookingModuleService = container.resolve(BOOKING_MODULE)
    const current = await bookings.retrieveBooking(previous.id)
    const location = { ...((current.location as Record<string, unknown> | null) ?? {}), window_ends_at: previous.window_ends_at }
    await bookings.updateBookings({
      id: previous.id,
      starts_at: new Date(previous.starts_at),
      ends_at: new Date(previous.ends_at),
      location,
      reschedule_count: Math.max(0, current.reschedule_count - 1),
    })
  }
)
