import type {
  InvoiceParty,
  InvoiceSeller,
  Quote,
  QuoteAcceptance,
  QuoteDeposit,
  QuoteDepositKind,
  QuoteDepositStatus,
  QuoteEvent,
  QuoteEventKind,
  QuoteOption,
  QuoteStatus,
  QuoteSummary,
  QuoteVersion,
  QuoteVersionStatus,
  QuoteVisit,
} from "@fieldservice/contract"

type Amount = number | string | { toString(): string }
const amount = (value: Amount | null | undefined) => (value === null || value === undefined ? 0 : Number(value.toString()))
const iso = (value: Date | string | null | undefined) => (value ? new Date(value).toISOString() : null)

type LineRow = {
  id: string
  rank: number
  product_id: string | null
  variant_id: string | null
  description: string
  quantity: number
  unit_price: Amount
  tax_rate: Amount
  optional: boolean
  subtotal: Amount
  tax_total: Amount
  total: Amount
}
type OptionRow = { id: string; rank: number; title: string; description: string | null; subtotal: Amount; tax_total: Amount; total: Amount; lines?: LineRow[] }
type AttachmentRow = { id: string; rank: number; filename: string; mime_type: string; size_bytes: number }
type VersionRow = {
  id: string
  version: number
  status: string
  notes: string | null
  sent_at: Date | string | null
  options?: OptionRow[]
  attachments?: AttachmentRow[]
}
type AcceptanceRow = Omit<QuoteAcceptance, "accepted_at" | "subtotal" | "tax_total" | "total" | "deposit_amount" | "deposit"> & {
  id: string
  accepted_at: Date | string
  deposit_status?: string | null
  deposit_card?: unknown
  deposit_note?: string | null
  deposit_paid_at?: Date | string | null
  deposit_payment_intent_id?: string | null
  deposit_payment_collection_id?: string | null
  subtotal: Amount
  tax_total: Amount
  total: Amount
  deposit_amount: Amount
}

/** A quote row with `versions.options.lines` and `acceptance` loaded (the relations the presenters read). */
export type QuoteRow = {
  id: string
  number: string | null
  status: string
  title: string
  customer_id: string
  business_profile_id: string | null
  address_id: string | null
  currency_code: string
  expires_on: string | null
  deposit_kind: string
  deposit_value: Amount | null
  bill_to: unknown
  seller: unknown
  total: Amount
  current_version: number
  sent_at: Date | string | null
  viewed_at: Date | string | null
  created_at: Date | string
  versions?: VersionRow[]
  acceptance?: AcceptanceRow | null
}

/** The relations to load for `presentQuote`. */
export const QUOTE_RELATIONS = ["versions", "versions.options", "versions.options.lines", "versions.attachments", "acceptance"]

const byRank = <T extends { rank: number }>(rows: T[] | undefined) => [...(rows ?? [])].sort((a, b) => a.rank - b.rank)

function presentOption(option: OptionRow): QuoteOption {
  return {
    id: option.id,
    title: option.title,
    description: option.description,
    subtotal: amount(option.subtotal),
    tax_total: amount(option.tax_total),
    total: amount(option.total),
    lines: byRank(option.lines).map((line) => ({
      id: line.id,
      product_id: line.product_id,
      variant_id: line.variant_id,
      description: line.description,
      quantity: line.quantity,
      unit_price: amount(line.unit_price),
      tax_rate: amount(line.tax_rate),
      optional: line.optional,
      subtotal: amount(line.subtotal),
      tax_total: amount(line.tax_total),
      total: amount(line.total),
    })),
  }
}

export function presentVersion(version: VersionRow): QuoteVersion {
  return {
    id: version.id,
    version: version.version,
    status: version.status as QuoteVersionStatus,
    notes: version.notes,
    sent_at: iso(version.sent_at),
    options: byRank(version.options).map(presentOption),
    attachments: byRank(version.attachments).map(({ id, filename, mime_type, size_bytes }) => ({ id, filename, mime_type, size_bytes })),
  }
}

export function presentSummary(quote: QuoteRow, bookingIds: string[] = []): QuoteSummary {
  return {
    id: quote.id,
    number: quote.number,
    status: quote.status as QuoteStatus,
    title: quote.title,
    customer_id: quote.customer_id,
    business_profile_id: quote.business_profile_id,
    address_id: quote.address_id,
    currency_code: quote.currency_code,
    expires_on: quote.expires_on,
    deposit: { kind: quote.deposit_kind as QuoteDepositKind, value: quote.deposit_value === null ? null : amount(quote.deposit_value) },
    bill_to: quote.bill_to as InvoiceParty,
    total: amount(quote.total),
    booking_ids: bookingIds,
    sent_at: iso(quote.sent_at),
    viewed_at: iso(quote.viewed_at),
    created_at: iso(quote.created_at) as string,
  }
}

/**
 * A quote as the contract shapes it. `audience: "customer"` leaves out any draft version, so the
 * portal only ever shows what was sent.
 */
export function presentQuote(quote: QuoteRow, audience: "staff" | "customer", visit: QuoteVisit | null = null): Quote {
  const versions = quote.versions ?? []
  const current = versions.find((version) => version.version === quote.current_version && version.status !== "draft") ?? null
  const draft = audience === "staff" ? (versions.find((version) => version.status === "draft") ?? null) : null
  const acceptance = quote.acceptance
    ? {
        version: quote.acceptance.version,
        option_id: quote.acceptance.option_id,
        option_title: quote.acceptance.option_title,
        optional_line_ids: quote.acceptance.optional_line_ids ?? [],
        signed_name: quote.acceptance.signed_name,
        accepted_at: iso(quote.acceptance.accepted_at) as string,
        subtotal: amount(quote.acceptance.subtotal),
        tax_total: amount(quote.acceptance.tax_total),
        total: amount(quote.acceptance.total),
        deposit_amount: amount(quote.acceptance.deposit_amount),
        deposit: presentDeposit(quote.acceptance),
      }
    : null
  return {
    ...presentSummary(quote, visit ? [visit.booking_id] : []),
    seller: quote.seller as InvoiceSeller,
    current: current ? presentVersion(current) : null,
    draft: draft ? presentVersion(draft) : null,
    acceptance,
    visit,
  }
}

/** The deposit's card payment as the pages show it (the client secret is added by the reader while the bank's check is open). */
function presentDeposit(row: AcceptanceRow): QuoteDeposit | null {
  const status = (row.deposit_status ?? "none") as QuoteDepositStatus
  if (status === "none" && !(amount(row.deposit_amount) > 0)) return null
  return {
    status,
    amount: amount(row.deposit_amount),
    card: (row.deposit_card as QuoteDeposit["card"]) ?? null,
    paid_at: iso(row.deposit_paid_at),
    message: row.deposit_note ?? null,
    payment_intent_id: row.deposit_payment_intent_id ?? null,
    client_secret: null,
  }
}

type EventRow = { id: string; kind: string; version: number | null; message: string | null; actor: string | null; created_at: Date | string }

export const presentEvent = (event: EventRow): QuoteEvent => ({
  id: event.id,
  kind: event.kind as QuoteEventKind,
  version: event.version,
  message: event.message,
  actor: event.actor,
  created_at: iso(event.created_at) as string,
})
