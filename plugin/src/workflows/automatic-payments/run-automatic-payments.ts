import type { ILockingModule, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import { INVOICES_MODULE, invoicePayerId, paidByFilter, type InvoicesModuleService } from "../../modules/invoices"
import { cardPaymentsConfigured } from "../../utils/saved-cards"
import { completeInvoiceCheckoutWorkflow } from "../invoice-payments/complete-invoice-checkout"
import { startInvoiceCheckoutWorkflow } from "../invoice-payments/start-invoice-checkout"
import { DECLINED_INVOICES_UNCHANGED } from "../invoice-payments/steps/check-checkout-payment"
import { beginAutomaticPaymentWorkflow } from "./begin-automatic-payment"
import { finishAutomaticPaymentWorkflow } from "./finish-automatic-payment"
import type { FinishAutomaticPaymentInput } from "./steps/finish-automatic-payment"

export type AutomaticPaymentRunResult = { invoices: number; paid: number; failed: number; unfinished: number }

/** The same lock as turning automatic payment on or off: once "off" has answered, no charge of the payer's starts. */
export const automaticPaymentLockKey = (customerId: string) => `automatic-payment:${customerId}`

const CONSENT_PAGE = 500

/** Errors that are the card's or the invoice's answer (declined, expired, already paid), not an outage. */
const REFUSALS = new Set<string>([
  MedusaError.Types.PAYMENT_AUTHORIZATION_ERROR,
  MedusaError.Types.NOT_ALLOWED,
  MedusaError.Types.NOT_FOUND,
  MedusaError.Types.INVALID_DATA,
])

/** Stripe's reason, without what the portal's Pay page adds for the customer standing there. */
const reasonOf = (message: string | null | undefined) => (message ?? "").replace(DECLINED_INVOICES_UNCHANGED, "").trim() || "The card was declined."

/**
 * The hourly run: every invoice due and still owed whose payer agreed to automatic payment gets its
 * first charge, or its next retry once that day has come. Each charge is an invoice checkout
 * (the portal's Pay, off-session, on the default saved card) keyed by invoice and try, so a rerun
 * or a second worker charges each try once; what is known is in the database, so a restart resumes.
 */
export async function runAutomaticPayments(container: MedusaContainer, now = new Date()): Promise<AutomaticPaymentRunResult> {
  const invoices: InvoicesModuleService = container.resolve(INVOICES_MODULE)
  const result: AutomaticPaymentRunResult = { invoices: 0, paid: 0, failed: 0, unfinished: 0 }
  // Stripe taken out of the config: nothing can be charged, and a try now would only fail and email.
  if (!cardPaymentsConfigured(container)) return result
  const locking: ILockingModule = container.resolve(Modules.LOCKING)
  // The agreements a page at a time, so memory stays flat however many customers have one.
  for (let lastId = ""; ;) {
    const consents = await invoices.listAutomaticPayments(
      { enabled: true, ...(lastId ? { id: { $gt: lastId } } : {}) },
      { select: ["id", "customer_id"], order: { id: "ASC" }, take: CONSENT_PAGE }
    )
    if (!consents.length) break
    lastId = consents[consents.length - 1].id
    const payers = new Set(consents.map((consent) => consent.customer_id))
    const due = await invoices.listInvoices(
      { ...paidByFilter([...payers]), status: ["issued", "partially_paid"], due_at: { $lte: now } },
      { select: ["id", "customer_id", "payer_id"], order: { due_at: "ASC" } }
    )
    for (const invoice of due.filter((row) => payers.has(invoicePayerId(row)))) {
      const outcome = await locking.execute(automaticPaymentLockKey(invoicePayerId(invoice)), () => chargeInvoice(container, invoice.id, now), { timeout: 60 })
      if (outcome === "skipped") continue
      result.invoices++
      result[outcome === "succeeded" ? "paid" : outcome === "failed" ? "failed" : "unfinished"]++
    }
    if (consents.length < CONSENT_PAGE) break
  }
  return result
}

/** One invoice's try: noted, charged, and ended paid or failed (or left for the next run when Stripe couldn't be asked). */
async function chargeInvoice(container: MedusaContainer, invoiceId: string, now: Date): Promise<"succeeded" | "failed" | "unfinished" | "skipped"> {
  const { result: charge } = await beginAutomaticPaymentWorkflow(container).run({ input: { invoice_id: invoiceId, now } })
  if (!charge) return "skipped"
  const finish = async (input: Omit<FinishAutomaticPaymentInput, "attempt_id" | "now">) => {
    await finishAutomaticPaymentWorkflow(container).run({ input: { ...input, attempt_id: charge.attempt_id, now } })
    return input.outcome
  }
  if (!charge.card_id) return finish({ outcome: "failed", message: "There is no saved card to charge." })

  let checkoutId: string
  try {
    const { result: started } = await startInvoiceCheckoutWorkflow(container).run({
      input: {
        customer_id: charge.customer_id,
        invoice_ids: [charge.invoice_id],
        saved_card_id: charge.card_id,
        idempotency_key: charge.idempotency_key,
        off_session: true,
      },
    })
    checkoutId = started.id
    await completeInvoiceCheckoutWorkflow(container).run({ input: { checkout_id: checkoutId } })
  } catch (error) {
    const type = (error as { type?: string }).type
    if (type && REFUSALS.has(type)) return finish({ outcome: "failed", message: reasonOf((error as Error).message) })
    container.resolve(ContainerRegistrationKeys.LOGGER).warn(`Automatic payment of ${invoiceId} left for the next run: ${(error as Error).message}`)
    return "unfinished"
  }
  const invoices: InvoicesModuleService = container.resolve(INVOICES_MODULE)
  const checkout = await invoices.retrieveInvoiceCheckout(checkoutId)
  const card = (checkout.card as { brand: string; last4: string } | null) ?? null
  if (checkout.status === "succeeded") return finish({ outcome: "succeeded", checkout_id: checkout.id, card })
  if (checkout.status === "failed" || checkout.status === "requires_action") {
    return finish({ outcome: "failed", checkout_id: checkout.id, card, message: reasonOf(checkout.note) })
  }
  return "unfinished"
}
