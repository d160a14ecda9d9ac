import type { MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"

/**
 * Our own refusals (400/404) go to Medusa's error handler as usual; anything else came from
 * Stripe or the network, which a customer can only wait for.
 */
export function answerCardProviderError(error: unknown, res: MedusaResponse) {
  if (MedusaError.isMedusaError(error)) throw error
  res.status(502).json({
    type: "card_provider_unavailable",
    message: "We couldn't reach our card payment provider just now. Please try again in a few minutes.",
  })
}
