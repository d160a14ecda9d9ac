import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import {
  automaticPaymentKey,
  exactAmount,
  INVOICES_MODULE,
  invoiceBalance,
  invoicePayerId,
  type InvoicesModuleService,
  nextAutomaticPaymentStep,
} from "../../../modules/invoices"
import { cardName, listSavedCards } from "../../../utils/saved-cards"

export const beginAutomaticPaymentStepId = "begin-automatic-payment"

export type BeginAutomaticPaymentInput = { invoice_id: string; now: Date | string }

export type AutomaticCharge = {
  attempt_id: string
  attempt: number
  invoice_id: string
  customer_id: string
  idempotency_key: string
  /** The payer's default saved card now; null: they have none left to charge. */
  card_id: string | null
}

/**
 * Decides, inside the job's lock, whether an invoice is charged now and notes the try before
 * Stripe is asked anything: still owed and due, its payer still agreeing (turned off means no
 * charge from this moment), and its first try or a retry whose day has come. An unfinished try
 * (a killed run) is resumed with its own key rather than started again. Null: nothing to do.
 */
const none = () => new StepResponse<AutomaticCharge | null, string | null>(null, null)

export const beginAutomaticPaymentStep = createStep(
  beginAutomaticPaymentStepId,
  async (input: BeginAutomaticPaymentInput, { container }) => {
    const invoices: InvoicesModuleService = container.resolve(INVOICES_MODULE)
    const now = new Date(input.now)
    const invoice = await invoices.retrieveInvoice(input.invoice_id).catch(() => null)
    const owed = invoice && ["issued", "partially_paid"].includes(invoice.status) && !invoiceBalance(invoice).isZero()
    if (!invoice || !owed || !invoice.due_at || new Date(invoice.due_at).getTime() > now.getTime()) return none()
    const payerId = invoicePayerId(invoice)
    const [consent] = await invoices.listAutomaticPayments({ customer_id: payerId, enabled: true }, { take: 1 })
    if (!consent) return none()

    const attempts = await invoices.listAutomaticPaymentAttempts({ invoice_id: invoice.id })
    const next = nextAutomaticPaymentStep(attempts, now)
    if (!("attempt" in next)) return none()
    const saved = await listSavedCards(container, payerId)
    const card = saved.cards.find((item) => item.id === saved.default_card_id) ?? null
    const base = { invoice_id: invoice.id, customer_id: payerId, attempt: next.attempt, card_id: card?.id ?? null }
    if (next.action === "resume") {
      const open = attempts.find((item) => item.attempt === next.attempt)!
      return new StepResponse<AutomaticCharge | null, string | null>({ ...base, attempt_id: open.id, idempotency_key: open.idempotency_key })
    }
    const idempotency_key = automaticPaymentKey(invoice.id, next.attempt)
    const created = await invoices.createAutomaticPaymentAttempts({
      invoice_id: invoice.id,
      customer_id: payerId,
      attempt: next.attempt,
      status: "charging",
      idempotency_key,
      amount: exactAmount(invoiceBalance(invoice)),
      currency_code: invoice.currency_code,
      card: card ? { brand: card.brand, last4: card.last4, name: cardName(card) } : null,
      attempted_at: now,
    })
    return new StepResponse<AutomaticCharge | null, string | null>({ ...base, attempt_id: created.id, idempotency_key }, created.id as string | null)
  },
  async (createdId: string | null | undefined, { container }) => {
    if (!createdId) return
    const invoices: InvoicesModuleService = container.resolve(INVOICES_MODULE)
    await invoices.deleteAutomaticPaymentAttempts(createdId)
  }
)
