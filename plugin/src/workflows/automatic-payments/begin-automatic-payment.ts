import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { type BeginAutomaticPaymentInput, beginAutomaticPaymentStep } from "./steps/begin-automatic-payment"

export const beginAutomaticPaymentWorkflowId = "begin-automatic-payment"

/** One due invoice's automatic try, noted before the card is charged (or null: nothing to charge now). */
export const beginAutomaticPaymentWorkflow = createWorkflow(beginAutomaticPaymentWorkflowId, (input: BeginAutomaticPaymentInput) => {
  const charge = beginAutomaticPaymentStep(input)
  return new WorkflowResponse(charge)
})
