import type { IPaymentModuleService, MedusaContainer } from "@medusajs/framework/types"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import type { AdminQuoteListResponse, AdminQuoteResponse, Quote, QuoteSummary, QuoteVisit, StoreQuoteListResponse } from "@fieldservice/contract"
import { customerNames } from "../api/admin/invoices/helpers"
import { presentEvent, presentQuote, presentSummary, QUOTE_RELATIONS, QUOTES_MODULE, type QuoteRow, type QuotesModuleService } from "../modules/quotes"
import { SERVICES_MODULE, type ServicesModuleService } from "../modules/services"
import { BOOKING_MODULE, type BookingModuleService } from "../modules/booking"

const timeZoneOf = (scope: MedusaContainer) => (scope.resolve(SERVICES_MODULE) as ServicesModuleService).timeZone

/** A quote as staff see it (its draft too), or "not found"; `customerId` limits it to that customer's. */
export async function loadQuote(scope: MedusaContainer, id: string, audience: "staff" | "customer" = "staff", customerId?: string): Promise<Quote> {
  const quotes: QuotesModuleService = scope.resolve(QUOTES_MODULE)
  const [row] = await quotes.listQuotes({ id, ...(customerId ? { customer_id: customerId } : {}) }, { relations: QUOTE_RELATIONS, take: 1 })
  if (!row) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Quote ${id} was not found`)
  return presentQuote(row as unknown as QuoteRow, audience, await quoteVisit(scope, row as unknown as QuoteRow))
}

/** The visit booked from the quote's acceptance, if any (one cancelled, or let go at the bank's check, is none: it may be booked again). */
export async function quoteVisit(scope: MedusaContainer, quote: QuoteRow): Promise<QuoteVisit | null> {
  const acceptance = quote.acceptance as unknown as { booking_id?: string | null; scheduled_at?: Date | string | null } | null | undefined
  if (!acceptance?.booking_id) return null
  const bookings: BookingModuleService = scope.resolve(BOOKING_MODULE)
  const [booking] = await bookings.listBookings({ id: acceptance.booking_id }, { take: 1 })
  if (!booking || booking.status === "cancelled") return null
  const windowEnds = (booking.location as { window_ends_at?: string } | null)?.window_ends_at ?? null
  return {
    booking_id: booking.id,
    booking_number: booking.booking_number,
    status: booking.status,
    starts_at: new Date(booking.starts_at).toISOString(),
    window_ends_at: windowEnds ? new Date(windowEnds).toISOString() : null,
    scheduled_at: acceptance.scheduled_at ? new Date(acceptance.scheduled_at).toISOString() : null,
  }
}

/** The quote page: the quote, its history (oldest first) and the business's time zone its dates are days of. */
export async function adminQuoteResponse(scope: MedusaContainer, id: string): Promise<AdminQuoteResponse> {
  const quote = await loadQuote(scope, id)
  const quotes: QuotesModuleService = scope.resolve(QUOTES_MODULE)
  const events = await quotes.listQuoteEvents({ quote_id: id }, { order: { created_at: "ASC" } })
  return { quote, events: events.map(presentEvent), time_zone: timeZoneOf(scope) }
}

export type QuoteListQuery = {
  status?: string
  customer_id?: string
  q?: string
  min_total?: string
  max_total?: string
  expires_from?: string
  expires_to?: string
  order: string
  limit: number
  offset: number
}

const range = (from?: string, to?: string) => (from || to ? { ...(from ? { $gte: from } : {}), ...(to ? { $lte: to } : {}) } : undefined)

/** The staff Quotes list: status, customer, number or title, amount and expiry; sorted and paged. */
export async function listQuotePage(scope: MedusaContainer, query: QuoteListQuery): Promise<AdminQuoteListResponse> {
  const quotes: QuotesModuleService = scope.resolve(QUOTES_MODULE)
  const like = query.q ? `%${query.q.replace(/[\\%_]/g, (char) => `\\${char}`)}%` : null
  const filters: Record<string, unknown> = {
    ...(query.status ? { status: query.status } : {}),
    ...(query.customer_id ? { customer_id: query.customer_id } : {}),
    ...(like ? { $or: [{ number: { $ilike: like } }, { title: { $ilike: like } }] } : {}),
  }
  const total = range(query.min_total, query.max_total)
  if (total) filters.total = total
  const expires = range(query.expires_from, query.expires_to)
  if (expires) filters.expires_on = expires
  const field = query.order.replace(/^-/, "")
  const [rows, count] = await quotes.listAndCountQuotes(filters, {
    order: { [field]: query.order.startsWith("-") ? "DESC" : "ASC", id: "ASC" },
    take: query.limit,
    skip: query.offset,
  })
  return {
    quotes: rows.map((row) => presentSummary(row as unknown as QuoteRow)),
    count,
    limit: query.limit,
    offset: query.offset,
    customers: await customerNames(
      scope,
      rows.map((row) => row.customer_id)
    ),
    time_zone: timeZoneOf(scope),
  }
}

/** A quote the customer may see: theirs, and sent at least once (a draft never sent is nobody's business but the office's). */
const seenBy = (customerId: string) => ({ customer_id: customerId, current_version: { $gt: 0 }, status: { $ne: "draft" } })

export const quoteNotFound = (id: string) => new MedusaError(MedusaError.Types.NOT_FOUND, `Quote ${id} was not found`)

/** The customer's quote with its versions, options, lines and acceptance; anyone else's (or a draft) is not found. */
export async function loadCustomerQuoteRow(scope: MedusaContainer, customerId: string, quoteId: string): Promise<QuoteRow> {
  const quotes: QuotesModuleService = scope.resolve(QUOTES_MODULE)
  const [row] = await quotes.listQuotes({ id: quoteId, ...seenBy(customerId) }, { relations: QUOTE_RELATIONS, take: 1 })
  if (!row) throw quoteNotFound(quoteId)
  return row as unknown as QuoteRow
}

export async function loadCustomerQuote(scope: MedusaContainer, customerId: string, quoteId: string) {
  const row = await loadCustomerQuoteRow(scope, customerId, quoteId)
  return withDepositCheck(scope, row, presentQuote(row, "customer", await quoteVisit(scope, row)))
}

/**
 * While the customer's bank wants them to confirm the deposit (3-D Secure), the quote carries the
 * PaymentIntent's client secret Stripe.js needs; read from the payment session, never stored by us.
 */
async function withDepositCheck(scope: MedusaContainer, row: QuoteRow, quote: Quote): Promise<Quote> {
  const deposit = quote.acceptance?.deposit
  const collectionId = (row.acceptance as { deposit_payment_collection_id?: string | null } | null | undefined)?.deposit_payment_collection_id
  if (deposit?.status !== "requires_action" || !collectionId) return quote
  const payments: IPaymentModuleService = scope.resolve(Modules.PAYMENT)
  const [session] = await payments.listPaymentSessions({ payment_collection_id: collectionId }, { order: { created_at: "DESC" }, take: 1 })
  const secret = session?.data?.client_secret
  return { ...quote, acceptance: { ...quote.acceptance!, deposit: { ...deposit, client_secret: typeof secret === "string" ? secret : null } } }
}

/** The customer's sent quotes, newest first. */
export async function listCustomerQuotes(
  scope: MedusaContainer,
  customerId: string,
  { status, limit, offset }: { status?: string; limit: number; offset: number }
): Promise<StoreQuoteListResponse> {
  const quotes: QuotesModuleService = scope.resolve(QUOTES_MODULE)
  const filters: Record<string, unknown> = seenBy(customerId)
  if (status) filters.status = status
  const [rows, count] = await quotes.listAndCountQuotes(filters, { order: { sent_at: "DESC", id: "DESC" }, take: limit, skip: offset })
  const summaries: QuoteSummary[] = rows.map((row) => presentSummary(row as unknown as QuoteRow))
  return { quotes: summaries, count, limit, offset }
}
