import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { chargedCard, declineMessage as declineWords } from "../../../utils/card-charge"

export const checkCheckoutPaymentStepId = "check-checkout-payment"

type IntentData = { id?: string; last_payment_error?: { decline_code?: string; code?: string } | null } | null

export { chargedCard }

export const DECLINED_INVOICES_UNCHANGED = "Nothing was charged and your invoices are unchanged. Choose another card, or try again later."

/** The customer's reason from a failed PaymentIntent, as Stripe words it, and what stays as it was. */
export const declineMessage = (data: Record<string, unknown> | null | undefined) => declineWords(data, DECLINED_INVOICES_UNCHANGED)

/**
 * Stripe's first answer: charged (or held), or the bank wants the customer to confirm (3-D Secure,
 * finished in the browser). A decline stops here, so every earlier step is undone: the session is
 * deleted (its PaymentIntent cancelled) and the attempt's record removed.
 */
export const checkCheckoutPaymentStep = createStep(
  checkCheckoutPaymentStepId,
  async (session: { id: string; status: string; data?: Record<string, unknown> | null }) => {
    const data = session.data ?? null
    if (["captured", "authorized", "requires_more"].includes(session.status)) {
      return new StepResponse({
        session_id: session.id,
        status: session.status,
        payment_intent_id: typeof data?.id === "string" ? data.id : null,
        card: chargedCard(data),
      })
    }
    const failure = (data as IntentData)?.last_payment_error
    const message = session.status === "error" ? declineMessage(data) : `We couldn't get the card payment confirmed. ${DECLINED_INVOICES_UNCHANGED}`
    throw new MedusaError(MedusaError.Types.PAYMENT_AUTHORIZATION_ERROR, message, failure?.decline_code ?? failure?.code ?? "card_not_authorized")
  }
)
