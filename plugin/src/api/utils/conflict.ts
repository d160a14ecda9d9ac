import type { MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"

/**
 * Medusa answers every CONFLICT with a generic "try again" message; this answers 409 with the
 * workflow's own message (and its code, e.g. "fieldworker_busy") instead. False when `error` is
 * something else, for the caller to rethrow.
 */
export function answerConflict(res: MedusaResponse, error: unknown): boolean {
  if (!MedusaError.isMedusaError(error) || (error as MedusaError).type !== MedusaError.Types.CONFLICT) return false
  const { message, code } = error as MedusaError
  res.status(409).json({ type: "conflict", code: code ?? null, message })
  return true
}
