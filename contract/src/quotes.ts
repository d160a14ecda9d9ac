// Quotes (issue #19): a priced proposal staff send, which the customer accepts (one option, the
// optional lines they tick, a typed signature), declines with a reason, or asks to change.
// Amounts are in the currency's main unit (65 is £65), as invoices; kept as BigNumbers on the server.
import type { InvoiceParty, InvoiceSeller } from "./invoices"

export const QUOTE_STATUSES = ["draft", "sent", "viewed", "changes_requested", "accepted", "declined", "expired"] as const
export type QuoteStatus = (typeof QUOTE_STATUSES)[number]

export const QUOTE_STATUS_LABELS: Record<QuoteStatus, string> = {
  draft: "Draft",
  sent: "Sent",
  viewed: "Viewed",
  changes_requested: "Changes requested",
  accepted: "Accepted",
  declined: "Declined",
  expired: "Expired",
}

/** A customer can act on a quote in these states (and only on its latest sent version, before it expires). */
export const QUOTE_OPEN_STATUSES: readonly QuoteStatus[] = ["sent", "viewed", "changes_requested"]

export const QUOTE_DEPOSIT_KINDS = ["none", "amount", "percent"] as const
export type QuoteDepositKind = (typeof QUOTE_DEPOSIT_KINDS)[number]

export const QUOTE_EVENT_KINDS = [
  "created",
  "sent",
  "viewed",
  "accepted",
  "declined",
  "changes_requested",
  "revised",
  "expired",
  "scheduled",
  "deposit_paid",
  "deposit_failed",
] as const
export type QuoteEventKind = (typeof QUOTE_EVENT_KINDS)[number]

export type QuoteLine = {
  id: string
  /** A service from the catalogue (a Medusa product and its variant), or null for a free line. */
  product_id: string | null
  variant_id: string | null
  description: string
  quantity: number
  unit_price: number
  /** Percent, e.g. 20 for 20% VAT: the customer's own tax rules, as on invoices. */
  tax_rate: number
  /** The customer may tick it; not in the option's total unless ticked. */
  optional: boolean
  subtotal: number
  tax_total: number
  total: number
}

/** One alternative ("Good / Better / Best"); a quote with one option is a plain quote. */
export type QuoteOption = {
  id: string
  title: string
  description: string | null
  lines: QuoteLine[]
  /** Totals of the option's required lines (optional lines add to these when ticked). */
  subtotal: number
  tax_total: number
  total: number
}

export type QuoteVersionStatus = "draft" | "sent" | "superseded"

export type QuoteVersion = {
  id: string
  /** 1, 2, …: a revision after sending makes the next version; sent versions are never edited. */
  version: number
  status: QuoteVersionStatus
  notes: string | null
  options: QuoteOption[]
  sent_at: string | null
  /** Photos and PDFs staff added, oldest first; opened through the quote's own attachment route. */
  attachments: QuoteAttachment[]
}

/** A photo or PDF on a quote version (a revision starts with the sent version's files). */
export type QuoteAttachment = { id: string; filename: string; mime_type: string; size_bytes: number }

export type QuoteAcceptance = {
  version: number
  option_id: string
  option_title: string
  optional_line_ids: string[]
  /** The name the customer typed as their signature. */
  signed_name: string
  accepted_at: string
  subtotal: number
  tax_total: number
  total: number
  deposit_amount: number
  /** The deposit taken by card once accepted (see QuoteDeposit); null when the quote asks none. */
  deposit: QuoteDeposit | null
}

export const QUOTE_DEPOSIT_STATUSES = ["none", "due", "requires_action", "paid", "failed"] as const
export type QuoteDepositStatus = (typeof QUOTE_DEPOSIT_STATUSES)[number]

/**
 * The deposit's card payment: due (not paid yet), requires_action (the bank's 3-D Secure check in
 * the browser), paid, or failed (the reason in `message`; the quote stays accepted and the customer
 * may pay it with another card).
 */
export type QuoteDeposit = {
  status: QuoteDepositStatus
  amount: number
  card: { brand: string; last4: string } | null
  paid_at: string | null
  /** Why the card was refused, in words. */
  message: string | null
  /** Stripe's PaymentIntent (pi_…) of the latest attempt. */
  payment_intent_id: string | null
  /** While the bank wants the customer to confirm: what Stripe.js needs for the check. Never stored. */
  client_secret: string | null
}

export type QuoteEvent = {
  id: string
  kind: QuoteEventKind
  version: number | null
  /** A decline's reason or a change request's message. */
  message: string | null
  /** "customer", or the staff member's email. */
  actor: string | null
  created_at: string
}

/** The visit booked from an accepted quote (by the customer in the portal, or by staff). */
export type QuoteVisit = {
  booking_id: string
  booking_number: string
  status: string
  starts_at: string
  /** The end of the arrival window. */
  window_ends_at: string | null
  scheduled_at: string | null
}

/** A quote as the admin and the portal show it (the portal gets only the latest sent version). */
export type Quote = {
  id: string
  /** Given when first sent (QUO-2026-000123); null while a draft never sent. */
  number: string | null
  status: QuoteStatus
  title: string
  customer_id: string
  business_profile_id: string | null
  /** The customer's saved location (address) the work is at. */
  address_id: string | null
  currency_code: string
  /** Last day the customer may accept (YYYY-MM-DD, the business's calendar). */
  expires_on: string | null
  deposit: { kind: QuoteDepositKind; value: number | null }
  /** Addressed to the customer, or the business profile chosen. */
  bill_to: InvoiceParty
  seller: InvoiceSeller
  /** The version the customer sees (latest sent); staff also get `draft` while a revision is open. */
  current: QuoteVersion | null
  draft: QuoteVersion | null
  /** The first option's required total of the current (or draft) version: what lists sort and filter by. */
  total: number
  acceptance: QuoteAcceptance | null
  booking_ids: string[]
  /** The visit booked from it, once it is accepted and booked. */
  visit: QuoteVisit | null
  sent_at: string | null
  viewed_at: string | null
  created_at: string
}

export type QuoteSummary = Omit<Quote, "current" | "draft" | "seller" | "acceptance" | "visit">

export type StoreQuoteListResponse = { quotes: QuoteSummary[]; count: number; limit: number; offset: number }
export type StoreQuoteResponse = { quote: Quote }
export type AdminQuoteListResponse = StoreQuoteListResponse & {
  customers: Record<string, { name: string; email: string }>
  time_zone: string
}
export type AdminQuoteResponse = { quote: Quote; events: QuoteEvent[]; time_zone: string }

/** DELETE /admin/quotes/:id/attachments/:attachment_id: `parent` is the quote page as it now stands. */
export type AdminQuoteAttachmentDeleteResponse = { id: string; object: "quote_attachment"; deleted: true; parent: AdminQuoteResponse }
