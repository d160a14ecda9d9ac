import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { INVOICES_MODULE, type InvoicesModuleService } from "../../../modules/invoices"

/** Whether a completed visit's invoice is issued at once (or left as a draft for staff). */
export const readIssueOnCompletionStep = createStep("read-issue-on-completion", async (_: void, { container }) => {
  const invoices: InvoicesModuleService = container.resolve(INVOICES_MODULE)
  return new StepResponse((await invoices.getSettings()).issue_on_completion)
})
