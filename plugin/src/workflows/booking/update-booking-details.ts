import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { recordActivityStep } from "../customer-profile/steps/record-activity"
import { bookingActivityStep } from "./booking-activity"
import { loadBookingForChangeStep } from "./steps/load-booking-for-change"
import { type BookingContact, updateBookingDetailsStep } from "./steps/update-booking-details"

export const updateBookingDetailsWorkflowId = "update-booking-details"

/** The customer changes who to reach about an upcoming visit and/or the notes for the team. */
export const updateBookingDetailsWorkflow = createWorkflow(
  updateBookingDetailsWorkflowId,
  (input: { customer_id: string; booking_id: string; contact?: BookingContact; instructions?: string | null }) => {
    const booking = loadBookingForChangeStep(
      transform({ input }, ({ input }) => ({ customer_id: input.customer_id, booking_id: input.booking_id, change: "edit" as const }))
    )
    const updated = updateBookingDetailsStep(
      transform({ input, booking }, ({ input, booking }) => ({ booking, contact: input.contact, instructions: input.instructions }))
    )
    recordActivityStep(
      bookingActivityStep(
        transform({ booking }, ({ booking }) => ({
          booking_id: booking.id,
          kind: "booking_updated" as const,
          before: { contact: booking.contact, instructions: booking.instructions },
        }))
      )
    )
    return new WorkflowResponse(updated)
  }
)
