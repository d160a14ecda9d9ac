// Automatic payment of invoices (issue #18 item 4): the customer's agreement, and each charge's tries.

export type AutomaticPaymentAttemptStatus = "charging" | "succeeded" | "failed"

/** Who turned it on or off, as the activity history names people. */
export type AutomaticPaymentPerson = { type: "customer" | "staff" | "system"; id?: string | null; name?: string | null; email?: string | null }

export type AutomaticPaymentSetting = {
  /** Stripe is set up, so cards can be saved and charged at all. */
  card_payments: boolean
  enabled: boolean
  consented_at: string | null
  consented_by: AutomaticPaymentPerson | null
  /** The default card when the customer agreed ("Visa ending 4242"). */
  consented_card: string | null
  turned_off_at: string | null
  turned_off_by: AutomaticPaymentPerson | null
  /** The card charged now: the customer's default saved card. */
  default_card: { id: string; brand: string; last4: string; exp_month: number; exp_year: number } | null
}

export type AutomaticPaymentAttempt = {
  id: string
  invoice_id: string
  invoice_number: string | null
  customer_id: string
  /** 1 on the due date, then 2, 3, 4 for the retries. */
  attempt: number
  status: AutomaticPaymentAttemptStatus
  amount: number | null
  currency_code: string | null
  card: { brand: string; last4: string } | null
  /** Stripe's reason for a decline. */
  message: string | null
  next_retry_at: string | null
  attempted_at: string
  completed_at: string | null
  /** Failed and not tried again: the invoice waits to be paid by hand. */
  gave_up: boolean
}

export type StoreAutomaticPaymentResponse = { automatic_payment: AutomaticPaymentSetting; attempts: AutomaticPaymentAttempt[] }
export type AdminAutomaticPaymentResponse = StoreAutomaticPaymentResponse

export type AdminFailedAutomaticPayment = AutomaticPaymentAttempt & {
  customer: { id: string; email: string; name: string | null }
  /** False: the payer turned it off since, so no retry is coming (next_retry_at is then null). */
  automatic_payment_on: boolean
}

export type AdminFailedAutomaticPaymentListResponse = {
  attempts: AdminFailedAutomaticPayment[]
  count: number
  limit: number
  offset: number
}
