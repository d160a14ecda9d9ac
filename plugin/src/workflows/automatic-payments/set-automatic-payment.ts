import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { recordActivityStep } from "../customer-profile/steps/record-activity"
import { type ChangeAutomaticPaymentInput, changeAutomaticPaymentStep } from "./steps/change-automatic-payment"

export const setAutomaticPaymentWorkflowId = "set-automatic-payment"

/** "Pay my invoices automatically" turned on or off, with a line in the customer's activity history. */
export const setAutomaticPaymentWorkflow = createWorkflow(setAutomaticPaymentWorkflowId, (input: ChangeAutomaticPaymentInput) => {
  const lockKey = transform({ input }, ({ input }) => `automatic-payment:${input.customer_id}`)
  acquireLockStep({ key: lockKey, timeout: 30, ttl: 60 })
  const entries = changeAutomaticPaymentStep(input)
  recordActivityStep(entries)
  releaseLockStep({ key: lockKey })
  return new WorkflowResponse(transform({ entries }, ({ entries }) => ({ changed: entries.length > 0 })))
})
