import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { planCustomerMerge } from "../../../utils/customer-merge-plan"

export const planMergeStepId = "plan-customer-merge"

/** Reads both customers again under the locks: either may have changed (or been merged) since the preview. */
export const planMergeStep = createStep(planMergeStepId, async (input: { primary_id: string; secondary_id: string }, { container }) => {
  return new StepResponse(await planCustomerMerge(container, input))
})
