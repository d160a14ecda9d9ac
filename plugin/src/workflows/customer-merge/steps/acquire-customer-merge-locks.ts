import { randomUUID } from "node:crypto"
import type { ILockingModule } from "@medusajs/framework/types"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"

const LOCK_WAIT_MS = 30_000
const LOCK_TTL_SECONDS = 120

export const acquireMergeLocksStepId = "acquire-customer-merge-locks"

/**
 * Holds both customers' profile locks (the ones profile edits take) for the whole merge, taken
 * in id order so two merges sharing a customer queue instead of deadlocking. A merge that can't
 * get them in time answers 409.
 */
export const acquireMergeLocksStep = createStep(
  acquireMergeLocksStepId,
  async (input: { keys: string[] }, { container }) => {
    const locking: ILockingModule = container.resolve(Modules.LOCKING)
    const ownerId = `customer-merge-${randomUUID()}`
    const held: string[] = []
    for (const key of [...new Set(input.keys)].sort()) {
      const deadline = Date.now() + LOCK_WAIT_MS
      for (;;) {
        try {
          await locking.acquire(key, { ownerId, expire: LOCK_TTL_SECONDS })
          held.push(key)
          break
        } catch {
          if (Date.now() > deadline) {
            if (held.length) await locking.release(held, { ownerId })
            throw new MedusaError(
              MedusaError.Types.CONFLICT,
              "One of these customers is being changed or merged right now. Try again in a moment.",
              "customer_busy"
            )
          }
          await new Promise((resolve) => setTimeout(resolve, 250))
        }
      }
    }
    return new StepResponse({ keys: held, ownerId }, { keys: held, ownerId })
  },
  async (lock, { container }) => {
    if (!lock?.keys.length) return
    const locking: ILockingModule = container.resolve(Modules.LOCKING)
    await locking.release(lock.keys, { ownerId: lock.ownerId })
  }
)
