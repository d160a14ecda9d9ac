import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { LoadedBooking } from "./load-booking-for-change"

export const checkNewBookingTimeStepId = "check-new-booking-time"

/** Refuses a move of a booking with no service to book against, or to the time it already has. */
export const checkNewBookingTimeStep = createStep(checkNewBookingTimeStepId, async (input: { booking: LoadedBooking; starts_at: string; office: string }) => {
  if (!input.booking.product_id) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `This booking can't be moved online. To change its time, please ${input.office}.`)
  }
  if (new Date(input.starts_at).getTime() === new Date(input.booking.starts_at).getTime()) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "Your visit is already at that time. Choose a different time.")
  }
  return new StepResponse(true)
})
