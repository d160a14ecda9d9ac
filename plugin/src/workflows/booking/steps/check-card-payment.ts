import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { BookingParty } from "../../../modules/services"
import { STRIPE_PROVIDER_ID } from "../../../utils/saved-cards"

export const checkCardPaymentStepId = "check-card-payment"

export const NOTHING_BOOKED = "Nothing was charged and nothing was booked. Choose another card, or pay on the day."

type IntentData = { client_secret?: string; last_payment_error?: { message?: string; decline_code?: string; code?: string } | null } | null

/** Why Stripe refused the booking's card, in Stripe's words, and what was left as it was. */
export function bookingDeclineMessage(data: Record<string, unknown> | null | undefined): string {
  const failure = (data as IntentData)?.last_payment_error
  return `${failure?.message?.trim() || "Your card was declined."} ${NOTHING_BOOKED}`
}

/** Stripe's code for the refusal (`authentication_required`, `generic_decline`…), for the 402's `code`. */
export function bookingDeclineCode(data: Record<string, unknown> | null | undefined): string {
  const failure = (data as IntentData)?.last_payment_error
  return failure?.decline_code ?? failure?.code ?? "card_not_authorized"
}

/** How the booking's payment stands once Stripe first answered. */
export type CardPaymentCheck = { status: "on_the_day" | "authorized" | "requires_action"; client_secret: string | null }

/**
 * The card payment must be authorized before the booking is confirmed. A bank that wants the
 * customer to confirm it (3-D Secure) holds the booking while the customer, here on the portal,
 * does so in the browser (Stripe.js with the client secret). Staff booking on the phone can't
 * (the customer isn't there), and a decline stops the booking: everything before is undone, the
 * payment session deleted and its PaymentIntent cancelled.
 */
export const checkCardPaymentStep = createStep(
  checkCardPaymentStepId,
  async (input: { session: { provider_id: string; status: string; data?: Record<string, unknown> | null }; by: BookingParty }) => {
    const { session } = input
    if (session.provider_id !== STRIPE_PROVIDER_ID) return new StepResponse<CardPaymentCheck>({ status: "on_the_day", client_secret: null })
    if (session.status === "authorized") return new StepResponse<CardPaymentCheck>({ status: "authorized", client_secret: null })
    const data = (session.data ?? null) as IntentData
    if (session.status === "requires_more" && input.by === "customer" && typeof data?.client_secret === "string") {
      return new StepResponse<CardPaymentCheck>({ status: "requires_action", client_secret: data.client_secret })
    }
    let message: string
    if (session.status === "error") {
      message = bookingDeclineMessage(session.data)
    } else if (session.status === "requires_more") {
      message = `The customer's bank wants them to confirm this payment, which they can only do themselves when booking on the portal. ${NOTHING_BOOKED}`
    } else {
      message = "We couldn't get the card payment confirmed. Nothing was charged and nothing was booked. Please try again, or pay on the day."
    }
    throw new MedusaError(MedusaError.Types.PAYMENT_AUTHORIZATION_ERROR, message, bookingDeclineCode(session.data))
  }
)
