import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, emitEventStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { PAYMENT_METHOD_LABELS } from "@fieldservice/contract"
import type { ActivityActor } from "../customer-profile/activity"
import { recordActivityStep } from "../customer-profile/steps/record-activity"
import { invoiceActivity, invoiceLabel, moneyOf } from "./invoice-activity"
import { recordInvoicePaymentStep, type InvoicePaymentInput } from "./steps/record-invoice-payment"
import { retrieveInvoiceStep } from "./steps/retrieve-invoice"

export const INVOICE_PAYMENT_RECORDED = "invoice.payment_recorded"

/**
 * Money received (cash, bank transfer, cheque, card) or refunded against an invoice, once per
 * idempotency key; the customer gets a receipt and the history names who recorded it.
 */
export const recordInvoicePaymentWorkflow = createWorkflow(
  "record-invoice-payment",
  (input: InvoicePaymentInput & { actor?: ActivityActor | null; notify?: boolean }) => {
    const lockKey = transform({ input }, ({ input }) => `invoice:${input.invoice_id}`)
    acquireLockStep({ key: lockKey, timeout: 10, ttl: 30 })
    const recorded = recordInvoicePaymentStep(transform({ input }, ({ input }) => ({ ...input, recorded_by: input.recorded_by ?? input.actor?.id ?? null })))
    const invoice = retrieveInvoiceStep({ invoice_id: input.invoice_id })
    when({ recorded }, ({ recorded }) => recorded.recorded).then(() => {
      recordActivityStep(
        transform({ invoice, input }, ({ invoice, input }) => {
          const how = `${PAYMENT_METHOD_LABELS[input.method].toLowerCase()}${input.reference ? `, reference ${input.reference}` : ""}`
          const message =
            input.kind === "refund"
              ? `A refund of ${moneyOf(invoice, input.amount)} on ${invoiceLabel(invoice).toLowerCase()} was recorded (${how}).`
              : `A payment of ${moneyOf(invoice, input.amount)} on ${invoiceLabel(invoice).toLowerCase()} was recorded (${how}).`
          return invoiceActivity(invoice, input.kind === "refund" ? "invoice_refund_recorded" : "invoice_payment_recorded", message, input.actor, {
            amount: input.amount,
            method: input.method,
          })
        })
      )
    })
    when({ recorded, input }, ({ recorded, input }) => recorded.recorded && input.notify !== false).then(() => {
      emitEventStep({
        eventName: INVOICE_PAYMENT_RECORDED,
        data: transform({ recorded, input }, ({ recorded, input }) => ({ id: input.invoice_id, payment_id: recorded.payment_id })),
      })
    })
    releaseLockStep({ key: lockKey })
    return new WorkflowResponse(transform({ recorded, invoice }, ({ recorded, invoice }) => ({ ...recorded, invoice_id: invoice.id })))
  }
)
