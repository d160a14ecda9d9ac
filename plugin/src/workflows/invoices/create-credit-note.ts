import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, emitEventStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import type { ActivityActor } from "../customer-profile/activity"
import { recordActivityStep } from "../customer-profile/steps/record-activity"
import { invoiceActivity, invoiceRef, moneyOf } from "./invoice-activity"
import { createCreditNoteStep } from "./steps/change-invoice"
import { retrieveInvoiceStep } from "./steps/retrieve-invoice"

export const CREDIT_NOTE_ISSUED = "invoice.credit_note_issued"

/** A credit note against an issued invoice, lowering what is owed; the customer is emailed it. */
export const createCreditNoteWorkflow = createWorkflow(
  "create-credit-note",
  (input: { invoice_id: string; amount: string; reason: string; actor?: ActivityActor | null }) => {
    const lockKey = transform({ input }, ({ input }) => `invoice:${input.invoice_id}`)
    acquireLockStep({ key: lockKey, timeout: 10, ttl: 30 })
    const note = createCreditNoteStep(transform({ input }, ({ input }) => ({ ...input, created_by: input.actor?.id ?? null })))
    const invoice = retrieveInvoiceStep({ invoice_id: input.invoice_id })
    recordActivityStep(
      transform({ invoice, note, input }, ({ invoice, note, input }) =>
        invoiceActivity(
          invoice,
          "credit_note_issued",
          `Credit note ${note.number} for ${moneyOf(invoice, note.total)} was issued on ${invoiceRef(invoice)}: ${input.reason}`,
          input.actor,
          {
            credit_note_id: note.id,
          }
        )
      )
    )
    releaseLockStep({ key: lockKey })
    emitEventStep({ eventName: CREDIT_NOTE_ISSUED, data: transform({ note, input }, ({ note, input }) => ({ id: input.invoice_id, credit_note_id: note.id })) })
    return new WorkflowResponse(note)
  }
)
