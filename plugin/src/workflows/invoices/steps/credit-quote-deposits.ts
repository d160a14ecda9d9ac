import { MathBN } from "@medusajs/framework/utils"
import type { BigNumberInput } from "@medusajs/framework/types"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { INVOICES_MODULE, invoiceBalance, type InvoicesModuleService } from "../../../modules/invoices"
import { QUOTES_MODULE, type QuotesModuleService } from "../../../modules/quotes"
import { type AppliedInvoiceMoney, applyInvoiceMoney, undoInvoiceMoney } from "./record-invoice-payment"

type PaidDeposit = {
  id: string
  quote_id: string
  deposit_amount: BigNumberInput
  raw_deposit_amount?: BigNumberInput
  deposit_medusa_payment_id: string | null
  deposit_payment_intent_id: string | null
  deposit_card: { brand?: string; last4?: string } | null
  deposit_paid_at: Date | null
}

type Undo = { undo: NonNullable<AppliedInvoiceMoney["undo"]> | null; acceptance_id: string }

/** The visits each invoice bills (its own visit, or a consolidated invoice's), in two queries whatever their number. */
export async function billedVisits(invoices: InvoicesModuleService, invoiceIds: string[]): Promise<Map<string, string>> {
  const invoiceOf = new Map<string, string>()
  if (!invoiceIds.length) return invoiceOf
  const own = await invoices.listInvoices({ id: invoiceIds }, { select: ["id", "booking_id"] })
  for (const invoice of own) if (invoice.booking_id) invoiceOf.set(invoice.booking_id, invoice.id)
  const consolidated = own.filter((invoice) => !invoice.booking_id).map((invoice) => invoice.id)
  const visits = consolidated.length ? await invoices.listInvoicedVisits({ invoice_id: consolidated }, { select: ["booking_id", "invoice_id"] }) : []
  for (const visit of visits) invoiceOf.set(visit.booking_id, visit.invoice_id)
  return invoiceOf
}

/**
 * A deposit paid on the quote a billed visit was booked from is credited on its invoice, once: a
 * card payment "Deposit on QUO-…" carrying the deposit's Medusa payment and PaymentIntent, keyed by
 * the acceptance so a repeat records nothing, and the acceptance keeps the invoice payment. Runs
 * when invoices are issued, before any card held for the visit is captured, so the card is only
 * charged the rest. Answers the amount credited per invoice; undone (payment and link) if a later step fails.
 */
export const creditQuoteDepositsStep = createStep(
  "credit-quote-deposits",
  async (input: { invoice_ids: string[] }, { container }) => {
    const invoices: InvoicesModuleService = container.resolve(INVOICES_MODULE)
    const quotes: QuotesModuleService = container.resolve(QUOTES_MODULE)
    const invoiceOf = await billedVisits(invoices, input.invoice_ids)
    const deposits = invoiceOf.size
      ? ((await quotes.listQuoteAcceptances({
          booking_id: [...invoiceOf.keys()],
          deposit_status: "paid",
          deposit_invoice_payment_id: null,
        })) as unknown as (PaidDeposit & { booking_id: string })[])
      : []
    const undo: Undo[] = []
    const credited: Record<string, string> = {}
    for (const deposit of deposits) {
      const invoiceId = invoiceOf.get(deposit.booking_id) as string
      const balance = invoiceBalance(await invoices.retrieveInvoice(invoiceId))
      const amount = MathBN.min(deposit.raw_deposit_amount ?? deposit.deposit_amount, balance.toString())
      if (!amount.gt(0)) continue
      const quote = await quotes.retrieveQuote(deposit.quote_id, { select: ["id", "number"] })
      const card = deposit.deposit_card
      const applied = await applyInvoiceMoney(invoices, {
        invoice_id: invoiceId,
        kind: "payment",
        method: "card",
        amount: amount.toString(),
        reference: `Deposit on ${quote.number ?? quote.id}`,
        paid_at: deposit.deposit_paid_at ?? null,
        card: card?.brand && card.last4 ? { brand: card.brand, last4: card.last4 } : null,
        medusa_payment_id: deposit.deposit_medusa_payment_id,
        stripe_payment_intent_id: deposit.deposit_payment_intent_id,
        idempotency_key: `quote-deposit:${deposit.id}`,
      })
      await quotes.updateQuoteAcceptances({ id: deposit.id, deposit_invoice_payment_id: applied.payment_id })
      undo.push({ undo: applied.undo, acceptance_id: deposit.id })
      if (applied.recorded) credited[invoiceId] = MathBN.add(credited[invoiceId] ?? 0, amount).toString()
    }
    return new StepResponse(credited, undo)
  },
  async (undo, { container }) => {
    if (!undo?.length) return
    const invoices: InvoicesModuleService = container.resolve(INVOICES_MODULE)
    const quotes: QuotesModuleService = container.resolve(QUOTES_MODULE)
    for (const entry of [...undo].reverse()) {
      if (entry.undo) await undoInvoiceMoney(invoices, entry.undo)
      await quotes.updateQuoteAcceptances({ id: entry.acceptance_id, deposit_invoice_payment_id: null })
    }
  }
)
