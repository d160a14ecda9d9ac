import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import type { ActivityActor } from "../customer-profile/activity"
import { INVOICE_ISSUED } from "./issue-invoice"

/** Sends an issued invoice again (the email goes into the customer's history as it is sent). */
export const resendInvoiceWorkflow = createWorkflow("resend-invoice", (input: { invoice_id: string; actor?: ActivityActor | null }) => {
  emitEventStep({ eventName: INVOICE_ISSUED, data: transform({ input }, ({ input }) => ({ id: input.invoice_id, resent: true, actor: input.actor ?? null })) })
  return new WorkflowResponse(input.invoice_id)
})
