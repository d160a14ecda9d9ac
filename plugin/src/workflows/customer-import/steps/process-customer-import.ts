import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { runCustomerImport } from "../../../utils/customer-import-runner"

export const processCustomerImportStepId = "process-customer-import"

/**
 * Runs in the background (an async step): the workflow's caller gets the job at once, and this
 * step finishes when the whole file has been imported. The job records its own outcome.
 */
export const processCustomerImportStep = createStep(
  { name: processCustomerImportStepId, async: true, maxRetries: 0 },
  async (input: { import_id: string }, { container }) => {
    const outcome = await runCustomerImport(container, input.import_id)
    return new StepResponse(outcome)
  }
)
