import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { ActivityActor } from "../customer-profile/activity"
import { recordActivityStep } from "../customer-profile/steps/record-activity"
import { invoiceActivity, invoiceLabel } from "./invoice-activity"
import { setInvoiceDueDateStep } from "./steps/change-invoice"

/** Staff set one invoice's due date, overriding the customer's and the company's terms. */
export const setInvoiceDueDateWorkflow = createWorkflow(
  "set-invoice-due-date",
  (input: { invoice_id: string; due_at: Date; due_text: string; actor?: ActivityActor | null }) => {
    const invoice = setInvoiceDueDateStep(input)
    recordActivityStep(
      transform({ invoice, input }, ({ invoice, input }) =>
        invoiceActivity(invoice, "invoice_due_date_set", `${invoiceLabel(invoice)} is now due on ${input.due_text}.`, input.actor, { due_at: input.due_at })
      )
    )
    return new WorkflowResponse(invoice)
  }
)
