import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { BOOKING_MODULE, type BookingModuleService } from "../../../modules/booking"
import type { LoadedBooking } from "./load-booking-for-change"

export type BookingContact = { name: string; email: string; phone: string | null }

export const updateBookingDetailsStepId = "update-booking-details"

/** Writes the visit's contact details and/or job notes; the old ones are put back if a later step fails. */
export const updateBookingDetailsStep = createStep(
  updateBookingDetailsStepId,
  async (input: { booking: LoadedBooking; contact?: BookingContact; instructions?: string | null }, { container }) => {
    const bookings: BookingModuleService = container.resolve(BOOKING_MODULE)
    const changes: { contact?: BookingContact; instructions?: string | null } = {}
    // Every key is written (phone: null clears it), so Medusa's merge of JSON columns keeps nothing stale.
    if (input.contact !== undefined) changes.contact = input.contact
    if (input.instructions !== undefined) changes.instructions = input.instructions
    const updated = await bookings.updateBookings({ id: input.booking.id, ...changes })
    return new StepResponse(updated, { id: input.booking.id, contact: input.booking.contact, instructions: input.booking.instructions })
  },
  async (previous, { container }) => {
    if (!previous) return
    const bookings: BookingModuleService = container.resolve(BOOKING_MODULE)
    // Cleared first: an update merges into the JSON column rather than replacing it.
    await bookings.updateBookings({ id: previous.id, contact: null })
    await bookings.updateBookings({ id: previous.id, contact: previous.contact, instructions: previous.instructions })
  }
)
