import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import type { MedusaResponse } from "@medusajs/framework/http"
import { BOOKING_MODULE, changeRules, ownerFilter, type BookingModuleService, type BookingOwner } from "../../../../../modules/booking"
import { PORTAL_ACCESS_MODULE, type PortalAccessModuleService } from "../../../../../modules/portal-access"
import { serviceHandle } from "../../../../../utils/service-handle"
import { answerConflictError } from "../../../../utils/errors"
import { presentBookingRecord, presentCustomerAttachment } from "../../../../utils/booking-record"
import { mapLocation } from "../../../../../modules/booking/map-location"
import { loadBookingPrice } from "../../../../../queries/booking-price"
import type { ErrorResponse, StoreManagedBookingResponse } from "@fieldservice/contract"
import { confirmBookingPaymentWorkflow, type ConfirmBookingPaymentInput } from "../../../../../workflows/booking/confirm-booking-payment"

/**
 * One of the customer's bookings as the portal shows it: the booking with its photos and
 * documents, the service's handle (for "Book again"), where to centre the map, and what the
 * customer may still change under the business's rules. Anyone else's booking is "not found".
 */
export const loadCustomerBooking = (scope: MedusaContainer, customerId: string, bookingId: string) =>
  loadOwnedBooking(scope, { customer_id: customerId }, bookingId)

/** The same, for a signed-in customer's booking or one made with a booking-number session's email. */
export async function loadOwnedBooking(scope: MedusaContainer, owner: BookingOwner, bookingId: string): Promise<StoreManagedBookingResponse> {
  const bookings: BookingModuleService = scope.resolve(BOOKING_MODULE)
  const portal: PortalAccessModuleService = scope.resolve(PORTAL_ACCESS_MODULE)
  const [booking] = await bookings.listBookings({ id: bookingId, ...ownerFilter(owner) }, { take: 1 })
  if (!booking) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Booking ${bookingId} was not found`)

  const [attachments, policy, handle, price] = await Promise.all([
    bookings.listBookingAttachments({ booking_id: booking.id }, { order: { created_at: "ASC" } }),
    portal.getChangePolicy(),
    serviceHandle(scope, booking.product_id),
    loadBookingPrice(scope, booking.order_id),
  ])
  return {
    booking: {
      ...presentBookingRecord(booking),
      service_handle: handle,
      price,
      map: mapLocation(booking.location),
      attachments: attachments.map((attachment) => presentCustomerAttachment(booking.id, attachment)),
    },
    changes: { ...changeRules(booking, policy), ...policy },
  }
}

/**
 * Runs a booking change and answers a refusal in its own words: Medusa's error handler gives every
 * conflict (a window just taken, the cut-off passed, changed meanwhile) the same generic message.
 */
export async function answeringConflicts(res: MedusaResponse<ErrorResponse>, change: () => Promise<void>) {
  try {
    await change()
  } catch (error) {
    if (answerConflictError(res, error)) return
    throw error
  }
}

/**
 * Settles the customer's booking held for the bank's 3-D Secure check (confirmBookingPaymentWorkflow);
 * another customer's is "not found". Stripe unreachable: 502 with `unavailable`, and null.
 */
export async function settleHeldBooking(scope: MedusaContainer, res: MedusaResponse<ErrorResponse>, input: ConfirmBookingPaymentInput, unavailable: string) {
  try {
    return (await confirmBookingPaymentWorkflow(scope).run({ input })).result
  } catch (error) {
    if (MedusaError.isMedusaError(error)) throw error
    scope.resolve("logger").error(`Settling held booking ${input.booking_id} failed: ${(error as Error)?.message}`)
    res.status(502).json({ type: "card_provider_unavailable", message: unavailable })
    return null
  }
}

/** The customer's own booking record as the API sends it (anyone else's is "not found"). */
export async function loadOwnBookingRecord(scope: MedusaContainer, customerId: string, bookingId: string) {
  const bookings: BookingModuleService = scope.resolve(BOOKING_MODULE)
  const [booking] = await bookings.listBookings({ id: bookingId, customer_id: customerId }, { take: 1 })
  if (!booking) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Booking ${bookingId} was not found`)
  return presentBookingRecord(booking)
}
