import type { MedusaResponse } from "@medusajs/framework/http"
import type { ErrorResponse } from "@fieldservice/contract"
import { MedusaError } from "@medusajs/framework/utils"

/** The error answers our routes write themselves; everything else goes to Medusa's error handler. */

type ConflictBody = { message: string; type?: string; code?: string | null } & Record<string, unknown>

/** 409 in our own words: `type` is "conflict" unless the body names another, plus any details the caller adds. */
export function answerConflict(res: MedusaResponse<ErrorResponse>, body: ConflictBody) {
  res.status(409).json({ type: "conflict", ...body })
}

/**
 * Medusa answers every CONFLICT with a generic "try again" message; this answers 409 with the
 * workflow's own message (and its code, e.g. "fieldworker_busy") instead. False when `error` is
 * something else, for the caller to rethrow.
 */
export function answerConflictError(res: MedusaResponse<ErrorResponse>, error: unknown): boolean {
  if (!MedusaError.isMedusaError(error) || (error as MedusaError).type !== MedusaError.Types.CONFLICT) return false
  const { message, code } = error as MedusaError
  answerConflict(res, { code: code ?? null, message })
  return true
}

/**
 * Our own refusals (400/404) go to Medusa's error handler as usual; anything else came from
 * Stripe or the network, which a customer can only wait for.
 */
export function answerCardProviderError(error: unknown, res: MedusaResponse<ErrorResponse>) {
  if (MedusaError.isMedusaError(error)) throw error
  res.status(502).json({
    type: "card_provider_unavailable",
    message: "We couldn't reach our card payment provider just now. Please try again in a few minutes.",
  })
}
