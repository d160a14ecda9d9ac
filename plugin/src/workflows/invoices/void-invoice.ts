import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import type { ActivityActor } from "../customer-profile/activity"
import { recordActivityStep } from "../customer-profile/steps/record-activity"
import { invoiceActivity, invoiceLabel } from "./invoice-activity"
import { voidInvoiceStep } from "./steps/change-invoice"

/** Staff void an invoice (kept on record with its number); refused while money is recorded against it. */
export const voidInvoiceWorkflow = createWorkflow("void-invoice", (input: { invoice_id: string; reason: string; actor?: ActivityActor | null }) => {
  const lockKey = transform({ input }, ({ input }) => `invoice:${input.invoice_id}`)
  acquireLockStep({ key: lockKey, timeout: 10, ttl: 30 })
  const invoice = voidInvoiceStep(input)
  recordActivityStep(
    transform({ invoice, input }, ({ invoice, input }) =>
      invoiceActivity(invoice, "invoice_voided", `${invoiceLabel(invoice)} was voided: ${input.reason}`, input.actor, { reason: input.reason })
    )
  )
  releaseLockStep({ key: lockKey })
  return new WorkflowResponse(invoice)
})
