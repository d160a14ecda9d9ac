import { MathBN } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { INVOICES_MODULE, invoiceBalance, type InvoicesModuleService } from "../../../modules/invoices"
import { type AppliedInvoiceMoney, applyInvoiceMoney, undoInvoiceMoney } from "../../invoices/steps/record-invoice-payment"
import type { CheckoutOutcome } from "./authorize-checkout-payment"

export const recordCheckoutPaymentsStepId = "record-checkout-payments"

export type RecordedCheckoutPayment = { invoice_id: string; number: string | null; amount: string; payment_id: string; recorded: boolean }

/**
 * The card payment against each invoice it was for, once: the key `stripe:<PaymentIntent>:<invoice>`
 * makes the confirm route and Stripe's webhook (or a redelivery) record it a single time. An
 * invoice settled some other way meanwhile takes only what it still owes; the rest is `unapplied`
 * for the office to refund.
 */
export const recordCheckoutPaymentsStep = createStep(
  recordCheckoutPaymentsStepId,
  async (input: CheckoutOutcome, { container }) => {
    const invoices: InvoicesModuleService = container.resolve(INVOICES_MODULE)
    const recorded: RecordedCheckoutPayment[] = []
    const undo: NonNullable<AppliedInvoiceMoney["undo"]>[] = []
    let unapplied = MathBN.convert(0)
    try {
      for (const allocation of input.allocations) {
        const key = `stripe:${input.payment_intent_id ?? input.checkout_id}:${allocation.invoice_id}`
        const [done] = await invoices.listInvoicePayments({ idempotency_key: key }, { take: 1 })
        const invoice = await invoices.retrieveInvoice(allocation.invoice_id)
        const owed = invoiceBalance(invoice)
        const amount = done ? allocation.amount : MathBN.min(allocation.amount, owed.toString()).toString()
        unapplied = MathBN.add(unapplied, MathBN.sub(allocation.amount, amount))
        if (!done && (invoice.status === "void" || !MathBN.gt(amount, 0))) continue
        const applied = await applyInvoiceMoney(invoices, {
          invoice_id: allocation.invoice_id,
          kind: "payment",
          method: "card",
          amount,
          card: input.card,
          reference: input.payment_intent_id,
          recorded_by: input.customer_id,
          medusa_payment_id: input.payment_id,
          stripe_payment_intent_id: input.payment_intent_id,
          idempotency_key: key,
        })
        if (applied.undo) undo.push(applied.undo)
        recorded.push({ invoice_id: allocation.invoice_id, number: allocation.number, amount, payment_id: applied.payment_id, recorded: applied.recorded })
      }
    } catch (error) {
      for (const item of undo.reverse()) await undoInvoiceMoney(invoices, item)
      throw error
    }
    return new StepResponse({ recorded, unapplied: unapplied.toString() }, undo)
  },
  async (undo, { container }) => {
    if (!undo?.length) return
    const invoices: InvoicesModuleService = container.resolve(INVOICES_MODULE)
    for (const item of [...undo].reverse()) await undoInvoiceMoney(invoices, item)
  }
)
