import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { BOOKING_MODULE, type BookingModuleService } from "../../../modules/booking"
import { toLoadedBooking } from "./load-booking-for-change"

export const loadBookingForStaffMoveStepId = "load-booking-for-staff-move"

/**
 * Any customer's booking that staff can move to another window: still to happen (requested or
 * confirmed) and booked against a service's windows. Unlike the customer's change there is no
 * cut-off: the office can move a visit up to the last minute. Nothing is written.
 */
export const loadBookingForStaffMoveStep = createStep(
  loadBookingForStaffMoveStepId,
  async (input: { booking_id: string; starts_at: string }, { container }) => {
    const bookings: BookingModuleService = container.resolve(BOOKING_MODULE)
    const [booking] = await bookings.listBookings({ id: input.booking_id }, { take: 1 })
    if (!booking) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Booking ${input.booking_id} was not found`)
    if (booking.status !== "requested" && booking.status !== "confirmed") {
      throw new MedusaError(
        MedusaError.Types.CONFLICT,
        `Booking ${booking.booking_number} is ${booking.status.replace("_", " ")}, so it can't be moved to another time.`
      )
    }
    if (!booking.product_id) {
      throw new MedusaError(
        MedusaError.Types.CONFLICT,
        `Booking ${booking.booking_number} wasn't booked against a service's arrival windows, so it can't be moved on the schedule.`
      )
    }
    if (new Date(booking.starts_at).getTime() === new Date(input.starts_at).getTime()) {
      throw new MedusaError(MedusaError.Types.CONFLICT, `Booking ${booking.booking_number} is already at that time. Choose a different window.`)
    }
    return new StepResponse(toLoadedBooking(booking))
  }
)
