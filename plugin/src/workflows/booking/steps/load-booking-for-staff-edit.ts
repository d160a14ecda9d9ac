import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { type BookingStatus, OPEN_BOOKING_STATUSES } from "@fieldservice/contract"
import { BOOKING_MODULE, type BookingModuleService } from "../../../modules/booking"
import { ASSIGNMENT_CONFLICTS } from "../admin-booking-record"
import { STATUS_LABELS } from "../booking-status"
import { type LoadedBooking, toLoadedBooking } from "./load-booking-for-change"

/** What staff change: the visit's address, contact and notes, or its photos and documents. */
export type StaffBookingChange = "edit" | "attach"

/** The booking as staff's edits pass it on. */
export type StaffLoadedBooking = LoadedBooking & {
  booking_number: string
  service_title: string
  customer_id: string | null
  address_id: string | null
  location: Record<string, unknown> | null
  location_text: string | null
}

export const loadBookingForStaffEditStepId = "load-booking-for-staff-edit"

/**
 * Any customer's booking that staff may change. Unlike the customer there is no cut-off: the
 * office edits a visit while it is open (requested, confirmed or in progress), and adds or
 * removes files on any booking that was not cancelled, a finished job's photos included. A
 * closed booking is a 409 saying why. Nothing is written.
 */
export const loadBookingForStaffEditStep = createStep(
  loadBookingForStaffEditStepId,
  async (input: { booking_id: string; change: StaffBookingChange }, { container }) => {
    const bookings: BookingModuleService = container.resolve(BOOKING_MODULE)
    const [booking] = await bookings.listBookings({ id: input.booking_id }, { take: 1 })
    if (!booking) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Booking ${input.booking_id} was not found`)
    const status = booking.status as BookingStatus
    if (input.change === "edit" && !OPEN_BOOKING_STATUSES.includes(status)) {
      throw new MedusaError(
        MedusaError.Types.CONFLICT,
        `Booking ${booking.booking_number} is ${STATUS_LABELS[status]}, so its address, contact and instructions can no longer be changed.`,
        ASSIGNMENT_CONFLICTS.closed
      )
    }
    if (input.change === "attach" && status === "cancelled") {
      throw new MedusaError(
        MedusaError.Types.CONFLICT,
        `Booking ${booking.booking_number} was cancelled, so files can't be added to it or removed from it.`,
        ASSIGNMENT_CONFLICTS.closed
      )
    }
    return new StepResponse<StaffLoadedBooking>({
      ...toLoadedBooking(booking),
      booking_number: booking.booking_number,
      service_title: booking.service_title,
      customer_id: booking.customer_id ?? null,
      address_id: booking.address_id ?? null,
      location: (booking.location as Record<string, unknown> | null) ?? null,
      location_text: booking.location_text ?? null,
    })
  }
)
