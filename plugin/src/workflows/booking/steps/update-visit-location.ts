import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { BOOKING_MODULE, type BookingModuleService } from "../../../modules/booking"
import type { BookingAddress } from "../booking-cart"

type LocationColumns = { address_id: string | null; location: Record<string, unknown> | null; location_text: string | null }

export const updateVisitLocationStepId = "update-visit-location"

/**
 * Moves the visit to another address: the booking keeps the address as it is now (with its arrival
 * window's end, which doesn't change), the saved location it came from and its one-line text. The
 * old ones are put back if a later step fails.
 */
export const updateVisitLocationStep = createStep(
  updateVisitLocationStepId,
  async (input: { booking: { id: string } & LocationColumns; address: BookingAddress; address_id: string | null; location_text: string }, { container }) => {
    const bookings: BookingModuleService = container.resolve(BOOKING_MODULE)
    const { booking } = input
    const windowEndsAt = (booking.location as { window_ends_at?: string | null } | null)?.window_ends_at ?? null
    const next: LocationColumns = {
      address_id: input.address_id,
      location: { ...input.address, ...(windowEndsAt ? { window_ends_at: windowEndsAt } : {}) },
      location_text: input.location_text,
    }
    await writeLocation(bookings, booking.id, next)
    const previous: LocationColumns = { address_id: booking.address_id, location: booking.location, location_text: booking.location_text }
    return new StepResponse(next, { id: booking.id, ...previous })
  },
  async (previous, { container }) => {
    if (previous) await writeLocation(container.resolve(BOOKING_MODULE), previous.id, previous)
  }
)

/** Cleared first: an update merges into the JSON column rather than replacing it, and a new address must not keep the old one's lines. */
async function writeLocation(bookings: BookingModuleService, id: string, columns: LocationColumns) {
  await bookings.updateBookings({ id, location: null })
  await bookings.updateBookings({ id, ...columns })
}
