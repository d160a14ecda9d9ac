import type { IPaymentModuleService, MedusaContainer } from "@medusajs/framework/types"
import { MathBN, MedusaError, Modules } from "@medusajs/framework/utils"
import type { InvoiceCheckoutStatus, InvoicePaymentMethod, StoreInvoiceCheckout, StorePastPayment } from "@fieldservice/contract"
import { INVOICES_MODULE, paidByFilter, type InvoicesModuleService } from "../modules/invoices"

type Allocation = { invoice_id: string; number: string | null; amount: string }
const iso = (value: Date | string | null | undefined) => (value ? new Date(value).toISOString() : null)

/**
 * One of the customer's online payment attempts (anyone else's is "not found"). While the bank
 * wants the customer to confirm, the answer carries the PaymentIntent's client secret, which
 * Stripe.js needs for the check; it is read from the payment session, never stored by us.
 */
export async function loadInvoiceCheckout(scope: MedusaContainer, id: string, customerId: string): Promise<StoreInvoiceCheckout> {
  const invoices: InvoicesModuleService = scope.resolve(INVOICES_MODULE)
  const row = await invoices.retrieveInvoiceCheckout(id).catch(() => null)
  if (!row || row.customer_id !== customerId) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Payment ${id} was not found`)
  let clientSecret: string | null = null
  if (row.status === "requires_action" && row.payment_session_id) {
    const payments: IPaymentModuleService = scope.resolve(Modules.PAYMENT)
    const session = await payments.retrievePaymentSession(row.payment_session_id)
    clientSecret = typeof session.data?.client_secret === "string" ? session.data.client_secret : null
  }
  return {
    id: row.id,
    status: row.status as InvoiceCheckoutStatus,
    amount: Number(row.amount),
    currency_code: row.currency_code,
    invoices: (row.allocations as unknown as Allocation[]).map((item) => ({ id: item.invoice_id, number: item.number, amount: Number(item.amount) })),
    card: (row.card as StoreInvoiceCheckout["card"]) ?? null,
    client_secret: clientSecret,
    message: row.note ?? null,
    created_at: iso(row.created_at)!,
    completed_at: iso(row.completed_at),
  }
}

/**
 * Payments page, "Past payments": money recorded on the customer's invoices, newest first. One card
 * charge covering several invoices is one row (the PaymentIntent ties them together).
 */
export async function listPastPayments(scope: MedusaContainer, customerId: string, limit = 100): Promise<StorePastPayment[]> {
  const invoices: InvoicesModuleService = scope.resolve(INVOICES_MODULE)
  const rows = await invoices.listInvoices({ ...paidByFilter(customerId), status: ["issued", "partially_paid", "paid", "void"] }, { relations: ["payments"] })
  const grouped = new Map<string, StorePastPayment>()
  const sums = new Map<string, ReturnType<typeof MathBN.convert>>()
  for (const invoice of rows) {
    for (const payment of invoice.payments ?? []) {
      const key = payment.stripe_payment_intent_id ? `${payment.kind}:${payment.stripe_payment_intent_id}` : payment.id
      const entry = grouped.get(key)
      sums.set(key, MathBN.add(sums.get(key) ?? 0, payment.amount))
      if (entry) {
        entry.invoices.push({ id: invoice.id, number: invoice.number ?? null })
        continue
      }
      grouped.set(key, {
        id: payment.id,
        paid_at: iso(payment.paid_at)!,
        kind: payment.kind,
        method: payment.method as InvoicePaymentMethod,
        amount: Number(payment.amount),
        currency_code: invoice.currency_code,
        invoices: [{ id: invoice.id, number: invoice.number ?? null }],
        card: (payment.card as StorePastPayment["card"]) ?? null,
        reference: payment.method === "card" ? null : (payment.reference ?? null),
      })
    }
  }
  for (const [key, entry] of grouped) entry.amount = sums.get(key)!.toNumber()
  return [...grouped.values()].sort((a, b) => b.paid_at.localeCompare(a.paid_at) || b.id.localeCompare(a.id)).slice(0, limit)
}
