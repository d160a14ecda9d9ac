import type { ILockingModule } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"

export const releaseMergeLocksStepId = "release-customer-merge-locks"

/** Lets go of the locks acquireMergeLocksStep took, once the merge is done. */
export const releaseMergeLocksStep = createStep(releaseMergeLocksStepId, async (lock: { keys: string[]; ownerId: string }, { container }) => {
  const locking: ILockingModule = container.resolve(Modules.LOCKING)
  await locking.release(lock.keys, { ownerId: lock.ownerId })
  return new StepResponse(true)
})
