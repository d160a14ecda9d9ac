import type { IAuthModuleService, ICartModuleService, IPaymentModuleService } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { BOOKING_MODULE, type BookingModuleService } from "../../../modules/booking"
import { SERVICES_MODULE, type ServicesModuleService } from "../../../modules/services"
import { BOOKING_NUMBER_PROVIDER } from "../../../providers/booking-number/service"

export const releaseHeldBookingStepId = "release-held-booking"

/**
 * Lets go of a booking whose bank check failed or never came, as a declined booking is undone: the
 * payment session deleted (its PaymentIntent cancelled in Stripe, so nothing stays held on the
 * card), the booking record removed (one conditional statement: once, whoever gets there first),
 * its arrival window given back, its cart and its booking-number login removed. The new address
 * saved while booking stays among the customer's locations.
 */
export const releaseHeldBookingStep = createStep(
  releaseHeldBookingStepId,
  async (input: { booking_id: string; cart_id: string | null; session_id: string | null }, { container }) => {
    const bookings: BookingModuleService = container.resolve(BOOKING_MODULE)
    const [booking] = await bookings.listBookings({ id: input.booking_id }, { select: ["id", "booking_number", "status", "order_id"], take: 1 })
    if (!booking || booking.status !== "requested" || booking.order_id) return new StepResponse({ released: false })

    // Stripe first: if it can't be reached, nothing here changes and the job tries again.
    if (input.session_id) {
      const payments: IPaymentModuleService = container.resolve(Modules.PAYMENT)
      await payments.deletePaymentSession(input.session_id)
    }
    const removed = await bookings.deleteHeldBooking(input.booking_id)
    if (!removed) return new StepResponse({ released: false })
    if (removed.product_id) {
      const services: ServicesModuleService = container.resolve(SERVICES_MODULE)
      await services.releaseWindow(removed.product_id, removed.starts_at)
    }
    if (input.cart_id) {
      const carts: ICartModuleService = container.resolve(Modules.CART)
      await carts.softDeleteCarts([input.cart_id])
    }
    const auth: IAuthModuleService = container.resolve(Modules.AUTH)
    const logins = await auth.listProviderIdentities({ provider: BOOKING_NUMBER_PROVIDER, entity_id: booking.booking_number }, { select: ["auth_identity_id"] })
    const identityIds = [...new Set(logins.flatMap((login) => (login.auth_identity_id ? [login.auth_identity_id] : [])))]
    if (identityIds.length) await auth.deleteAuthIdentities(identityIds)
    return new StepResponse({ released: true })
  }
)
