import { MathBN, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { formatMoney, type InvoicePaymentMethod, type InvoiceStatus } from "@fieldservice/contract"
import { exactAmount, INVOICES_MODULE, invoiceBalance, statusAfterMoney, type InvoicesModuleService } from "../../../modules/invoices"

export const recordInvoicePaymentStepId = "record-invoice-payment"

export type InvoicePaymentInput = {
  invoice_id: string
  kind: "payment" | "refund"
  method: InvoicePaymentMethod
  /** A decimal string in the currency's main unit. */
  amount: string
  reference?: string | null
  paid_at?: Date | string | null
  card?: { brand: string; last4: string } | null
  recorded_by?: string | null
  medusa_payment_id?: string | null
  stripe_payment_intent_id?: string | null
  /** The same key twice records the money once (a double click, a repeated Stripe event). */
  idempotency_key?: string | null
}

export type AppliedInvoiceMoney = {
  payment_id: string
  recorded: boolean
  /** What to put back to undo it (null when the key had already recorded it). */
  undo: { payment_id: string; invoice_id: string; paid_total: string; status: InvoiceStatus } | null
}

/**
 * Money in (or a refund out) against an issued invoice, with its status following the balance.
 * Over-paying, refunding more than was paid, and money on a draft or void invoice are refused.
 * Shared by this step and the portal's online payments, which record several invoices at once.
 */
export async function applyInvoiceMoney(invoices: InvoicesModuleService, input: InvoicePaymentInput): Promise<AppliedInvoiceMoney> {
  if (input.idempotency_key) {
    const [done] = await invoices.listInvoicePayments({ idempotency_key: input.idempotency_key }, { take: 1 })
    if (done) return { payment_id: done.id, recorded: false, undo: null }
  }
  const invoice = await invoices.retrieveInvoice(input.invoice_id)
  const name = invoice.number ?? "This draft invoice"
  if (invoice.status === "void") throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Invoice ${name} is void, so it can't be paid or refunded.`)
  if (invoice.status === "draft") throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "Issue the invoice before recording money against it.")
  if (!MathBN.gt(input.amount, 0)) throw new MedusaError(MedusaError.Types.INVALID_DATA, "The amount must be more than zero.")
  const money = (value: unknown) => formatMoney(Number(value), invoice.currency_code)
  if (input.kind === "payment") {
    const balance = invoiceBalance(invoice)
    if (MathBN.gt(input.amount, balance.toString())) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        balance.isZero() ? `Invoice ${name} is already paid.` : `That is more than invoice ${name}'s balance of ${money(balance)}.`
      )
    }
  } else if (MathBN.gt(input.amount, invoice.paid_total)) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `A refund can't be more than the ${money(invoice.paid_total)} paid on invoice ${name}.`)
  }
  const payment = await invoices.createInvoicePayments({
    ...input,
    amount: exactAmount(input.amount),
    invoice_id: invoice.id,
    paid_at: input.paid_at ? new Date(input.paid_at) : new Date(),
  })
  const paid = input.kind === "payment" ? MathBN.add(invoice.paid_total, input.amount) : MathBN.sub(invoice.paid_total, input.amount)
  const next = { ...invoice, paid_total: paid.toString() }
  await invoices.updateInvoices({ id: invoice.id, paid_total: exactAmount(paid), status: statusAfterMoney(next) })
  return {
    payment_id: payment.id,
    recorded: true,
    undo: {
      payment_id: payment.id,
      invoice_id: invoice.id,
      paid_total: MathBN.convert(invoice.paid_total).toString(),
      status: invoice.status as InvoiceStatus,
    },
  }
}

/** Takes back what applyInvoiceMoney recorded (a later step of the workflow failed). */
export async function undoInvoiceMoney(invoices: InvoicesModuleService, undo: NonNullable<AppliedInvoiceMoney["undo"]>) {
  await invoices.deleteInvoicePayments(undo.payment_id)
  await invoices.updateInvoices({ id: undo.invoice_id, paid_total: exactAmount(undo.paid_total), status: undo.status })
}

export const recordInvoicePaymentStep = createStep(
  recordInvoicePaymentStepId,
  async (input: InvoicePaymentInput, { container }) => {
    const invoices: InvoicesModuleService = container.resolve(INVOICES_MODULE)
    const { undo, ...result } = await applyInvoiceMoney(invoices, input)
    return new StepResponse(result, undo)
  },
  async (undo, { container }) => {
    if (!undo) return
    await undoInvoiceMoney(container.resolve(INVOICES_MODULE), undo)
  }
)
