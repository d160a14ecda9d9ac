// Invoices, credit notes, payments against them and the business's billing settings.
// Amounts are in the currency's main unit (65 is £65), as Medusa's own APIs send them; they are
// kept and summed as Medusa BigNumbers on the server.

export const INVOICE_STATUSES = ["draft", "issued", "partially_paid", "paid", "void"] as const
export type InvoiceStatus = (typeof INVOICE_STATUSES)[number]

export const INVOICE_STATUS_LABELS: Record<InvoiceStatus, string> = {
  draft: "Draft",
  issued: "Issued",
  partially_paid: "Partially paid",
  paid: "Paid",
  void: "Void",
}

/** Company default terms: due on receipt, Net 7/14/30, or a number of days. */
export const PAYMENT_TERMS = ["on_receipt", "net_7", "net_14", "net_30", "days"] as const
export type PaymentTerms = (typeof PAYMENT_TERMS)[number]

/** Which rule set an invoice's due date: the company default, the customer's terms, or a date set on the invoice. */
export const DUE_DATE_RULES = ["company", "customer", "invoice"] as const
export type DueDateRule = (typeof DUE_DATE_RULES)[number]

/** What staff record money as; a gift voucher's payment is recorded by the booking it paid for (issue #20). */
export const PAYMENT_METHODS = ["card", "cash", "bank_transfer", "cheque"] as const
export type InvoicePaymentMethod = (typeof PAYMENT_METHODS)[number] | "gift_voucher" | "store_credit"

export const PAYMENT_METHOD_LABELS: Record<InvoicePaymentMethod, string> = {
  card: "Card",
  cash: "Cash",
  bank_transfer: "Bank transfer",
  cheque: "Cheque",
  gift_voucher: "Gift voucher",
  store_credit: "Store credit",
}

/** Who the invoice is made out to: the customer, or the business profile the visit was booked for. */
export type InvoiceParty = {
  name: string
  company: string | null
  email: string | null
  address_lines: string[]
  tax_id: string | null
}

/** The business as printed on its invoices (Settings → Billing). */
export type InvoiceSeller = {
  name: string
  address_lines: string[]
  tax_registration_number: string | null
  bank_details: string | null
  footer: string | null
  email: string | null
  phone: string | null
}

export type InvoiceLine = {
  id: string
  description: string
  booking_id: string | null
  booking_number: string | null
  visit_date: string | null
  visit_address: string | null
  quantity: number
  unit_price: number
  /** Percent, e.g. 20 for 20% VAT. */
  tax_rate: number
  tax_code: string | null
  subtotal: number
  tax_total: number
  total: number
}

export type InvoicePayment = {
  id: string
  /** A refund is money given back: it lowers what has been paid. */
  kind: "payment" | "refund"
  method: InvoicePaymentMethod
  amount: number
  reference: string | null
  paid_at: string
  card: { brand: string; last4: string } | null
  recorded_by: string | null
}

export type InvoiceCreditNote = {
  id: string
  number: string
  issued_at: string
  reason: string
  total: number
}

/** An invoice as both the admin and the portal show it. */
export type Invoice = {
  id: string
  /** Null while a draft: numbers are given when an invoice is issued, so issued numbers never have gaps from deleted drafts. */
  number: string | null
  status: InvoiceStatus
  /** Issued, not fully paid, and past its due date. */
  overdue: boolean
  customer_id: string
  /** Who pays it: the customer, or their bill payer (another customer). The payer sees it in their portal. */
  payer_id: string
  currency_code: string
  issued_at: string | null
  due_at: string | null
  due_rule: DueDateRule | null
  /** The rule in words ("Net 14, the customer's terms"). */
  due_rule_text: string | null
  bill_to: InvoiceParty
  seller: InvoiceSeller
  lines: InvoiceLine[]
  subtotal: number
  tax_total: number
  total: number
  credited_total: number
  paid_total: number
  /** What is still owed: total − credited − paid (never below 0). */
  balance: number
  booking_ids: string[]
  /** A billing cycle's consolidated invoice: the period it covers (YYYY-MM-DD); null for a visit's own invoice. */
  period: { starts_on: string | null; closes_on: string } | null
  order_id: string | null
  payments: InvoicePayment[]
  credit_notes: InvoiceCreditNote[]
  voided_at: string | null
  void_reason: string | null
  created_at: string
}

/** An invoice in the staff list: all but its lines, payments and credit notes (the invoice page has those). */
export type InvoiceSummary = Omit<Invoice, "lines" | "booking_ids" | "period" | "payments" | "credit_notes">

export type StoreInvoiceListResponse = { invoices: Invoice[]; count: number; limit: number; offset: number }
export type StoreInvoiceResponse = { invoice: Invoice }
export type AdminInvoiceListResponse = Omit<StoreInvoiceListResponse, "invoices"> & {
  invoices: InvoiceSummary[]
  /** The count stopped at 10,000: "10,000+ invoices". */
  count_capped: boolean
  /** The customer's name for each listed invoice. */
  customers: Record<string, { name: string; email: string }>
  /** The business's time zone: an invoice's dates are days of the business's calendar. */
  time_zone: string
}
export type AdminInvoiceResponse = { invoice: Invoice; time_zone: string }

/** Settings → Billing. */
export type BillingSettings = {
  /** Before the sequence number; `{YYYY}` becomes the year issued ("INV-{YYYY}-" gives INV-2026-000123). */
  invoice_prefix: string
  credit_note_prefix: string
  /** A completed visit's invoice is issued (and emailed) at once, or left as a draft for staff to check. */
  issue_on_completion: boolean
  default_terms: PaymentTerms
  /** With "days": net this many days. */
  default_terms_days: number | null
  seller: InvoiceSeller
}
export type AdminBillingSettingsResponse = { settings: BillingSettings }

/** The customer page's billing card: their terms, what they owe, what is overdue, their last payment and latest invoices. */
export type AdminCustomerBillingSummary = {
  customer_id: string
  /** The currency of the customer's invoices (null before their first). */
  currency_code: string | null
  /** The terms new invoices get: the customer's own, else the company's default. */
  terms: { days: number; rule: "customer" | "company"; text: string }
  /** Still owed on issued and part-paid invoices. */
  balance: number
  open_count: number
  /** Of that, what is past its due date. */
  overdue_total: number
  overdue_count: number
  last_payment: {
    amount: number
    method: InvoicePaymentMethod
    reference: string | null
    paid_at: string
    invoice_id: string
    invoice_number: string | null
  } | null
  /** Every invoice of the customer's, drafts and void ones included. */
  invoice_count: number
  /** The latest few, newest first. */
  recent_invoices: Invoice[]
}
export type AdminCustomerBillingSummaryResponse = { summary: AdminCustomerBillingSummary; time_zone: string }
