import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { HELD_BOOKING_MINUTES } from "@fieldservice/contract"
import { BOOKING_MODULE, type BookingModuleService } from "../modules/booking"
import { confirmBookingPaymentWorkflow } from "../workflows/booking/confirm-booking-payment"

const BATCH = 100

/**
 * Bookings held for the bank's 3-D Secure check that nobody confirmed within 30 minutes are let
 * go: Stripe is asked once more (a check that did pass completes the booking instead), otherwise
 * the PaymentIntent is cancelled, the window given back and the booking removed. Each booking goes
 * through confirmBookingPaymentWorkflow under its lock, and its removal is one conditional
 * statement, so two instances ticking together handle it once. `now` pins the clock (tests).
 */
export async function releaseHeldBookings(container: MedusaContainer, options: { now?: Date } = {}) {
  const bookings: BookingModuleService = container.resolve(BOOKING_MODULE)
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const cutoff = new Date((options.now ?? new Date()).getTime() - HELD_BOOKING_MINUTES * 60_000)
  const held = await bookings.listBookings(
    { status: "requested", order_id: null, cart_id: { $ne: null }, created_at: { $lt: cutoff } },
    { select: ["id"], order: { created_at: "ASC" }, take: BATCH }
  )
  const outcomes: Record<string, number> = {}
  for (const { id } of held) {
    try {
      const { result } = await confirmBookingPaymentWorkflow(container).run({ input: { booking_id: id, expire_before: cutoff.toISOString() } })
      outcomes[result.outcome] = (outcomes[result.outcome] ?? 0) + 1
    } catch (error) {
      // Stripe unreachable, say: the booking stays held and the next run tries again.
      logger.warn(`Held booking ${id} could not be settled yet: ${(error as Error)?.message}`)
    }
  }
  if (held.length)
    logger.info(
      `Held bookings: ${
        Object.entries(outcomes)
          .map(([outcome, count]) => `${count} ${outcome}`)
          .join(", ") || "none settled"
      }`
    )
  return outcomes
}

export default async function releaseHeldBookingsJob(container: MedusaContainer) {
  await releaseHeldBookings(container)
}

export const config = {
  name: "release-held-bookings",
  schedule: "*/5 * * * *",
}
