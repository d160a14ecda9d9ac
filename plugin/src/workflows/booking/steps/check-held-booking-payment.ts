import type { IPaymentModuleService } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { BOOKING_MODULE, type BookingModuleService } from "../../../modules/booking"
import { STRIPE_PROVIDER_ID } from "../../../utils/saved-cards"
import { bookingDeclineCode, bookingDeclineMessage } from "./check-card-payment"

export const checkHeldBookingPaymentStepId = "check-held-booking-payment"

export type CheckHeldBookingPaymentInput = {
  booking_id: string
  /** The signed-in customer: anyone else's booking is "not found". Left out by Stripe's events and the expiry job. */
  customer_id?: string | null
  /** The expiry job: a hold placed before this (ISO time) whose bank check is still waiting is let go. */
  expire_before?: string | null
  /** The customer chose another way to pay: a check still waiting is let go now. */
  let_go?: boolean
}

export type HeldBookingPayment = {
  /**
   * authorized: Stripe holds the money, complete the booking; requires_action: still waiting for
   * the bank's check; failed: the bank said no; expired: waited too long; done: not held (confirmed
   * already, or never a held booking); gone: removed meanwhile.
   */
  outcome: "authorized" | "requires_action" | "failed" | "expired" | "done" | "gone"
  booking_id: string
  customer_id: string | null
  cart_id: string | null
  session_id: string | null
  client_secret: string | null
  message: string | null
  code: string | null
}

type Session = { id: string; provider_id: string; status: string; data: Record<string, unknown> | null }

/**
 * Asks Stripe (through Medusa's payment module) how a held booking's card payment stands after the
 * bank's 3-D Secure check, and makes Medusa's payment for it when Stripe holds the money. Run under
 * the booking's lock by the confirm route, Stripe's event and the expiry job, so a booking that
 * was confirmed or let go meanwhile is left alone.
 */
export const checkHeldBookingPaymentStep = createStep(checkHeldBookingPaymentStepId, async (input: CheckHeldBookingPaymentInput, { container }) => {
  const bookings: BookingModuleService = container.resolve(BOOKING_MODULE)
  const payments: IPaymentModuleService = container.resolve(Modules.PAYMENT)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const [booking] = await bookings.listBookings({ id: input.booking_id, ...(input.customer_id ? { customer_id: input.customer_id } : {}) }, { take: 1 })
  const base: HeldBookingPayment = {
    outcome: "gone",
    booking_id: input.booking_id,
    customer_id: booking?.customer_id ?? null,
    cart_id: booking?.cart_id ?? null,
    session_id: null,
    client_secret: null,
    message: null,
    code: null,
  }
  if (!booking) {
    if (input.customer_id) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Booking ${input.booking_id} was not found`)
    return new StepResponse(base)
  }
  if (booking.status !== "requested" || booking.order_id || !booking.cart_id) return new StepResponse({ ...base, outcome: "done" as const })

  const { data: carts } = await query.graph({
    entity: "cart",
    fields: [
      "id",
      "payment_collection.payment_sessions.id",
      "payment_collection.payment_sessions.provider_id",
      "payment_collection.payment_sessions.status",
      "payment_collection.payment_sessions.data",
    ],
    filters: { id: booking.cart_id },
  })
  const sessions = ((carts[0] as { payment_collection?: { payment_sessions?: Session[] } } | undefined)?.payment_collection?.payment_sessions ?? []).filter(
    (session) => session.provider_id === STRIPE_PROVIDER_ID
  )
  const session = sessions[0]
  if (!session) return new StepResponse({ ...base, outcome: "done" as const })
  const held = { ...base, session_id: session.id }
  try {
    const payment = await payments.authorizePaymentSession(session.id, {})
    // Null: the money is still on its way (never for cards): ask again later.
    if (payment) return new StepResponse({ ...held, outcome: "authorized" as const })
  } catch {
    // Not authorized: the session now says why.
  }
  const now = await payments.retrievePaymentSession(session.id)
  const data = (now.data ?? null) as Record<string, unknown> | null
  if (now.status === "authorized") return new StepResponse({ ...held, outcome: "authorized" as const })
  const waiting = ["requires_more", "pending", "pending_authorization"].includes(now.status)
  if (waiting) {
    const expired = !!input.let_go || (!!input.expire_before && new Date(booking.created_at).getTime() < new Date(input.expire_before).getTime())
    if (expired) return new StepResponse({ ...held, outcome: "expired" as const })
    const secret = typeof data?.client_secret === "string" ? data.client_secret : null
    return new StepResponse({ ...held, outcome: "requires_action" as const, client_secret: secret })
  }
  return new StepResponse({ ...held, outcome: "failed" as const, message: bookingDeclineMessage(data), code: bookingDeclineCode(data) })
})
