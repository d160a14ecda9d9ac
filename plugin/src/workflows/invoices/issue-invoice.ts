import { MathBN } from "@medusajs/framework/utils"
import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, capturePaymentWorkflow, emitEventStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import type { ActivityActor } from "../customer-profile/activity"
import { recordActivityStep } from "../customer-profile/steps/record-activity"
import { captureVisitCardsStep } from "../billing-cycles/steps/capture-visit-cards"
import { invoiceActivity, moneyOf } from "./invoice-activity"
import { creditQuoteDepositsStep } from "./steps/credit-quote-deposits"
import { creditVoucherPaymentsStep } from "./steps/credit-voucher-payments"
import { findHeldCardPaymentStep } from "./steps/find-held-card-payment"
import { issueInvoiceStep, type IssueInvoiceInput } from "./steps/issue-invoice"
import { recordInvoicePaymentStep } from "./steps/record-invoice-payment"

export const INVOICE_ISSUED = "invoice.issued"
export const issueInvoiceWorkflowId = "issue-invoice"

export type IssueInvoiceWorkflowInput = IssueInvoiceInput & {
  actor?: ActivityActor | null
  /** False for invoices recorded from elsewhere: the customer had theirs at the time, so no email. */
  notify?: boolean
}

/**
 * Issues a draft: its number and due date, a paid quote deposit credited, then the card held at
 * booking is captured (no more than what is left) and recorded against it, so a card-paid visit's invoice shows as paid. The
 * `invoice.issued` event sends it to the customer with its PDF.
 */
export const issueInvoiceWorkflow = createWorkflow(issueInvoiceWorkflowId, (input: IssueInvoiceWorkflowInput) => {
  const lockKey = transform({ input }, ({ input }) => `invoice:${input.invoice_id}`)
  acquireLockStep({ key: lockKey, timeout: 10, ttl: 60 })
  const issued = issueInvoiceStep(input)
  // A deposit paid on the quote the visit was booked from is credited first: the card pays only the rest.
  const deposits = creditQuoteDepositsStep(transform({ input }, ({ input }) => ({ invoice_ids: [input.invoice_id] })))
  // A gift voucher that paid for the visit is next (issue #20).
  const vouchers = creditVoucherPaymentsStep(transform({ input }, ({ input }) => ({ invoice_ids: [input.invoice_id] })))
  const held = findHeldCardPaymentStep({ invoice_id: input.invoice_id })
  const amount = transform({ held, issued, deposits, vouchers }, ({ held, issued, deposits, vouchers }) =>
    held ? MathBN.min(held.amount, MathBN.sub(MathBN.sub(issued.total as never, deposits[issued.id] ?? 0), vouchers[issued.id] ?? 0)).toString() : "0"
  )
  when({ held, amount }, ({ held, amount }) => !!held && MathBN.gt(amount, 0)).then(() => {
    // Stripe can't take a capture back: only the record of it and the history line follow.
    capturePaymentWorkflow.runAsStep({
      input: transform({ held, amount, input }, ({ held, amount, input }) => ({
        payment_id: held!.payment_id,
        amount,
        captured_by: input.actor?.id ?? undefined,
      })),
    })
    recordInvoicePaymentStep(
      transform({ held, amount, input }, ({ held, amount, input }) => ({
        invoice_id: input.invoice_id,
        kind: "payment" as const,
        method: "card" as const,
        amount,
        card: held!.card,
        reference: held!.payment_intent_id,
        medusa_payment_id: held!.payment_id,
        stripe_payment_intent_id: held!.payment_intent_id,
        recorded_by: input.actor?.id ?? null,
        idempotency_key: `capture:${held!.payment_id}`,
      }))
    )
  })
  // A consolidated invoice (a billing cycle's): each visit's card hold.
  when({ issued }, ({ issued }) => !issued.booking_id).then(() => {
    captureVisitCardsStep(transform({ input }, ({ input }) => ({ invoice_ids: [input.invoice_id], actor_id: input.actor?.id ?? null })))
  })
  // After the capture: the history line also brings the directory's billing columns up to date.
  recordActivityStep(
    transform({ issued, input }, ({ issued, input }) =>
      invoiceActivity(issued, "invoice_issued", `Invoice ${issued.number} for ${moneyOf(issued, issued.total)} was issued.`, input.actor, {
        booking_id: issued.booking_id,
      })
    )
  )
  releaseLockStep({ key: lockKey })
  when({ input }, ({ input }) => input.notify !== false).then(() => {
    emitEventStep({
      eventName: INVOICE_ISSUED,
      data: transform({ input }, ({ input }) => ({ id: input.invoice_id, actor: input.actor ?? null })),
    })
  })
  return new WorkflowResponse(issued)
})
