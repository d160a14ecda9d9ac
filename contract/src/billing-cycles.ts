// Billing cycles (issue #18 item 2): a customer, or one of their business profiles, is invoiced per
// visit or once a period, on one consolidated invoice listing every visit done in it.

export const BILLING_FREQUENCIES = ["per_visit", "weekly", "fortnightly", "monthly"] as const
export type BillingFrequency = (typeof BILLING_FREQUENCIES)[number]

export const BILLING_FREQUENCY_LABELS: Record<BillingFrequency, string> = {
  per_visit: "Per visit",
  weekly: "Weekly",
  fortnightly: "Fortnightly",
  monthly: "Monthly",
}

export const WEEKDAY_NAMES = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"] as const

/**
 * When a period closes: weekly and fortnightly on a weekday (0 Sunday … 6 Saturday; fortnightly
 * counts fortnights from `anchor_date`, a day it closed on), monthly on a day 1–28 or "last".
 */
export type BillingCycleSetting =
  | { frequency: "per_visit" }
  | { frequency: "weekly"; weekday: number }
  | { frequency: "fortnightly"; weekday: number; anchor_date: string }
  | { frequency: "monthly"; month_day: number | "last" }

/** A visit done and not invoiced yet, as the next consolidated invoice will list it. */
export type WaitingVisit = {
  booking_id: string
  booking_number: string
  visit_date: string
  service: string
  address: string | null
  business_profile_id: string | null
  subtotal: number
  tax_total: number
  total: number
}

/** One payer's waiting visits: the customer, or one of their business profiles. */
export type WaitingInvoice = {
  business_profile_id: string | null
  bill_to_name: string
  /** The bill payer (another customer) the invoice goes to; null: the customer. */
  payer_id: string | null
  currency_code: string
  visits: WaitingVisit[]
  subtotal: number
  tax_total: number
  total: number
}

export type AdminBillingCycle = {
  customer_id: string
  business_profile_id: string | null
  setting: BillingCycleSetting
  /** "Monthly, closing on the last day of the month". */
  description: string
  /** The open period (YYYY-MM-DD, in the business's calendar); null per visit. */
  period: { starts_on: string; closes_on: string } | null
}

export type AdminBillingCycleResponse = {
  cycle: AdminBillingCycle
  /** Each of the customer's business profiles: its own cycle (`own`), or the customer's it follows. */
  business_profiles: (AdminBillingCycle & { name: string; own: boolean })[]
  /** The preview: what the next run (or "Bill now") invoices. */
  waiting: WaitingInvoice[]
}

export type AdminBillNowResponse = { invoice_ids: string[]; message: string }
