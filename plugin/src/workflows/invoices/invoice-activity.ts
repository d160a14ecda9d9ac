import { formatMoney } from "@fieldservice/contract"
import type { ActivityActor } from "../customer-profile/activity"
import type { ActivityEntry } from "../customer-profile/steps/record-activity"

type Named = { id: string; number: string | null; customer_id: string; payer_id?: string | null; currency_code: string }

/** One line in the customer's history about an invoice, naming it and who acted; and in its bill payer's, when someone else pays it. */
export function invoiceActivity(
  invoice: Named,
  kind: string,
  message: string,
  actor: ActivityActor | string | null | undefined,
  data: Record<string, unknown> = {}
): ActivityEntry[] {
  const customers = [invoice.customer_id, ...(invoice.payer_id && invoice.payer_id !== invoice.customer_id ? [invoice.payer_id] : [])]
  return customers.map((customer_id) => ({
    customer_id,
    kind,
    message,
    data: { invoice_id: invoice.id, number: invoice.number, ...data },
    actor: actor ?? null,
  }))
}

export const invoiceLabel = (invoice: { number: string | null }) => (invoice.number ? `Invoice ${invoice.number}` : "A draft invoice")
/** The same, inside a sentence. */
export const invoiceRef = (invoice: { number: string | null }) => (invoice.number ? `invoice ${invoice.number}` : "a draft invoice")
export const moneyOf = (invoice: { currency_code: string }, amount: unknown) => formatMoney(Number(amount), invoice.currency_code)
