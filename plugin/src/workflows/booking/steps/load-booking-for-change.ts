import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { BOOKING_MODULE, changeRules, ownerFilter, type BookingModuleService } from "../../../modules/booking"
import { PORTAL_ACCESS_MODULE, type PortalAccessModuleService } from "../../../modules/portal-access"

/** What the customer wants to do; each has its own rule (see changeRules). */
export type BookingChange = "edit" | "attach" | "cancel" | "reschedule"

/** The booking as the workflow passes it on: dates as ISO strings (step results may be serialised). */
export type LoadedBooking = {
  id: string
  status: string
  starts_at: string
  ends_at: string
  window_ends_at: string | null
  product_id: string | null
  order_id: string | null
  contact: Record<string, unknown> | null
  instructions: string | null
}

/** "Someone changed it meanwhile": Medusa answers conflicts generically, so routes turn this into a 409 with our message. */
export const changedMeanwhile = () =>
  new MedusaError(MedusaError.Types.CONFLICT, "This booking has just been changed. Reload the page to see it as it is now, and try again.")

export const loadBookingForChangeStepId = "load-booking-for-change"

/**
 * The owner's own booking (anyone else's is "not found"), if the business's rules allow the
 * change; otherwise a conflict saying why and how to reach the office. Nothing is written.
 */
export const loadBookingForChangeStep = createStep(
  loadBookingForChangeStepId,
  async (input: { customer_id?: string; email?: string; booking_id: string; change: BookingChange }, { container }) => {
    const bookings: BookingModuleService = container.resolve(BOOKING_MODULE)
    const portal: PortalAccessModuleService = container.resolve(PORTAL_ACCESS_MODULE)
    const [booking] = await bookings.listBookings({ id: input.booking_id, ...ownerFilter(input) }, { take: 1 })
    if (!booking) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Booking ${input.booking_id} was not found`)
    // Held for the bank's 3-D Secure check: not booked yet, so nothing to change (it is confirmed or let go by itself).
    if (booking.status === "requested" && booking.cart_id && !booking.order_id) {
      throw new MedusaError(
        MedusaError.Types.CONFLICT,
        "This booking is still waiting for your bank to confirm the card payment. Confirm it with your bank first, or choose another way to pay."
      )
    }
    const rules = changeRules(booking, await portal.getChangePolicy())
    const refusal = {
      edit: rules.edit_refusal,
      attach: rules.can_add_attachments ? null : "This booking was cancelled, so files can't be added to it or removed from it.",
      cancel: rules.cancel_refusal,
      reschedule: rules.reschedule_refusal,
    }[input.change]
    if (refusal) throw new MedusaError(MedusaError.Types.CONFLICT, refusal)
    return new StepResponse(toLoadedBooking(booking))
  }
)

type BookingRow = Awaited<ReturnType<BookingModuleService["listBookings"]>>[number]

/** The booking as a change workflow passes it on (the staff's moves load it too). */
export function toLoadedBooking(booking: BookingRow): LoadedBooking {
  const location = (booking.location ?? {}) as { window_ends_at?: string | null }
  return {
    id: booking.id,
    status: booking.status,
    starts_at: new Date(booking.starts_at).toISOString(),
    ends_at: new Date(booking.ends_at).toISOString(),
    window_ends_at: location.window_ends_at ?? null,
    product_id: booking.product_id ?? null,
    order_id: booking.order_id ?? null,
    contact: (booking.contact as Record<string, unknown> | null) ?? null,
    instructions: booking.instructions ?? null,
  }
}
