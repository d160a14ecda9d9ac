// Paying invoices online from the portal (issue #17 item 4) and the customer's past payments.
// Amounts are in the currency's main unit (65 is £65), as in ./invoices.

import type { InvoicePaymentMethod } from "./invoices"

export const INVOICE_CHECKOUT_STATUSES = ["pending", "requires_action", "succeeded", "failed"] as const
export type InvoiceCheckoutStatus = (typeof INVOICE_CHECKOUT_STATUSES)[number]

/** Most invoices one payment may cover (a page of a customer's open invoices). */
export const MAX_INVOICES_PER_PAYMENT = 50

/**
 * `POST /store/customers/me/invoice-payments`: the customer's own open invoices, all in one
 * currency, paid in full (each one's balance) with a saved card or a new card Stripe.js made
 * (`pm_…`). `idempotency_key` comes from the pay page, so a second click or tab pays once.
 */
export type StoreCreateInvoicePaymentRequest = {
  invoice_ids: string[]
  saved_card_id?: string
  payment_method?: string
  /** With a new card: keep it as a saved card once paid. */
  save_card?: boolean
  idempotency_key: string
}

/** One online payment attempt for one or more invoices. */
export type StoreInvoiceCheckout = {
  id: string
  status: InvoiceCheckoutStatus
  amount: number
  currency_code: string
  invoices: { id: string; number: string | null; amount: number }[]
  card: { brand: string; last4: string } | null
  /** With `requires_action`: what Stripe.js needs to show the bank's check (`handleNextAction`). */
  client_secret: string | null
  /** Why it failed, in words for the customer. */
  message: string | null
  created_at: string
  completed_at: string | null
}
export type StoreInvoiceCheckoutResponse = { checkout: StoreInvoiceCheckout }

/** A payment on the Payments page: one charge may cover several invoices. */
export type StorePastPayment = {
  id: string
  paid_at: string
  kind: "payment" | "refund"
  method: InvoicePaymentMethod
  amount: number
  currency_code: string
  invoices: { id: string; number: string | null }[]
  card: { brand: string; last4: string } | null
  reference: string | null
}
export type StorePastPaymentListResponse = { payments: StorePastPayment[] }
