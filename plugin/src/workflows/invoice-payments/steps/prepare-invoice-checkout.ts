import { MathBN, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { INVOICES_MODULE, invoiceBalance, invoicePayerId, type InvoicesModuleService } from "../../../modules/invoices"
import { usableSavedCard } from "../../../utils/card-charge"
import { requireCardPayments } from "../../../utils/saved-cards"

export const prepareInvoiceCheckoutStepId = "prepare-invoice-checkout"

export type PrepareInvoiceCheckoutInput = { customer_id: string; invoice_ids: string[]; saved_card_id?: string | null; payment_method?: string | null }

export type CheckoutAllocation = { invoice_id: string; number: string | null; amount: string }

export type PreparedInvoiceCheckout = {
  allocations: CheckoutAllocation[]
  amount: string
  currency_code: string
  payment_method: string
  card: { brand: string; last4: string } | null
}

/**
 * Checks what the customer asked to pay before anything is written or charged: their own issued
 * invoices (anyone else's is "not found"), none void or already paid, one currency, and a card of
 * their own. Each invoice is paid in full: its balance now.
 */
export const prepareInvoiceCheckoutStep = createStep(prepareInvoiceCheckoutStepId, async (input: PrepareInvoiceCheckoutInput, { container }) => {
  requireCardPayments(container)
  const invoices: InvoicesModuleService = container.resolve(INVOICES_MODULE)
  const ids = [...new Set(input.invoice_ids)]
  const rows = await Promise.all(ids.map((id) => invoices.retrieveInvoice(id).catch(() => null)))
  const byId = new Map(rows.filter((row) => !!row && invoicePayerId(row) === input.customer_id).map((row) => [row!.id, row!]))
  const allocations: CheckoutAllocation[] = []
  // Anyone else's invoice is "not found" before anything is said about the customer's own.
  const missing = ids.find((id) => !byId.get(id) || byId.get(id)!.status === "draft")
  if (missing) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Invoice ${missing} was not found`)
  for (const id of ids) {
    const invoice = byId.get(id)!
    const name = invoice.number ?? id
    if (invoice.status === "void") throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Invoice ${name} is void, so there is nothing to pay on it.`)
    const balance = invoiceBalance(invoice)
    if (balance.isZero()) throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Invoice ${name} is already paid.`)
    allocations.push({ invoice_id: invoice.id, number: invoice.number ?? null, amount: balance.toString() })
  }
  const currencies = new Set(ids.map((id) => byId.get(id)!.currency_code))
  if (currencies.size > 1) throw new MedusaError(MedusaError.Types.INVALID_DATA, "Invoices in different currencies have to be paid separately.")

  let card: PreparedInvoiceCheckout["card"] = null
  let paymentMethod = input.payment_method ?? ""
  if (input.saved_card_id) {
    const own = await usableSavedCard(container, input.customer_id, input.saved_card_id)
    card = { brand: own.brand, last4: own.last4 }
    paymentMethod = own.id
  }
  const amount = allocations.reduce((sum, item) => MathBN.add(sum, item.amount), MathBN.convert(0))
  return new StepResponse<PreparedInvoiceCheckout>({
    allocations,
    amount: amount.toString(),
    currency_code: [...currencies][0],
    payment_method: paymentMethod,
    card,
  })
})
