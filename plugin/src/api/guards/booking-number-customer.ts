import type { MedusaContainer } from "@medusajs/framework/types"
import { BOOKING_MODULE, type BookingModuleService } from "../../modules/booking"
import { normalizeBookingNumber } from "../../modules/booking/booking-number"

/** The customer a booking number belongs to (null for a guest booking or a number that isn't one). */
export async function bookingNumberCustomer(scope: MedusaContainer, bookingNumber: unknown): Promise<string | null> {
  const number = typeof bookingNumber === "string" ? normalizeBookingNumber(bookingNumber) : null
  if (!number) return null
  const bookings: BookingModuleService = scope.resolve(BOOKING_MODULE)
  const [booking] = await bookings.listBookings({ booking_number: number }, { take: 1, select: ["id", "customer_id"] })
  return booking?.customer_id ?? null
}
