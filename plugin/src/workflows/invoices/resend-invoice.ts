import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import type { ActivityActor } from "../customer-profile/activity"
import { recordActivityStep } from "../customer-profile/steps/record-activity"
import { invoiceActivity, invoiceLabel } from "./invoice-activity"
import { INVOICE_ISSUED } from "./issue-invoice"
import { retrieveInvoiceStep } from "./steps/retrieve-invoice"

/** Sends an issued invoice again; the history says who asked (the email itself is logged as it is sent). */
export const resendInvoiceWorkflow = createWorkflow("resend-invoice", (input: { invoice_id: string; actor?: ActivityActor | null }) => {
  const invoice = retrieveInvoiceStep({ invoice_id: input.invoice_id })
  recordActivityStep(
    transform({ invoice, input }, ({ invoice, input }) =>
      invoiceActivity(invoice, "invoice_resent", `${invoiceLabel(invoice)} was emailed to the customer again.`, input.actor)
    )
  )
  emitEventStep({ eventName: INVOICE_ISSUED, data: transform({ input }, ({ input }) => ({ id: input.invoice_id, resent: true, actor: input.actor ?? null })) })
  return new WorkflowResponse(input.invoice_id)
})
