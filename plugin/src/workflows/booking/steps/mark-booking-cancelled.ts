import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { BOOKING_MODULE, type BookingModuleService } from "../../../modules/booking"
import { changedMeanwhile, type LoadedBooking } from "./load-booking-for-change"

export const markBookingCancelledStepId = "mark-booking-cancelled"

/** Marks the booking cancelled, only if nobody changed it since it was loaded; its status is put back if a later step fails. */
export const markBookingCancelledStep = createStep(
  markBookingCancelledStepId,
  async (input: { booking: LoadedBooking; cancelled_by: "customer" | "staff"; reason: string | null }, { container }) => {
    const bookings: BookingModuleService = container.resolve(BOOKING_MODULE)
    const done = await bookings.cancelIfUnchanged({
      id: input.booking.id,
      starts_at: new Date(input.booking.starts_at),
      cancelled_by: input.cancelled_by,
      cancellation_reason: input.reason,
    })
    if (!done) throw changedMeanwhile()
    return new StepResponse(await bookings.retrieveBooking(input.booking.id), { id: input.booking.id, status: input.booking.status })
  },
  async (previous, { container }) => {
    if (!previous) return
    const bookings: BookingModuleService = container.resolve(BOOKING_MODULE)
    await bookings.updateBookings({
      id: previous.id,
      status: previous.status as "requested" | "confirmed",
      cancelled_at: null,
      cancelled_by: null,
      cancellation_reason: null,
    })
  }
)
