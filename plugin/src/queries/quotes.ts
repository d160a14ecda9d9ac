import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import type { AdminQuoteListResponse, AdminQuoteResponse, Quote } from "@fieldservice/contract"
import { customerNames } from "../api/admin/invoices/helpers"
import { presentEvent, presentQuote, presentSummary, QUOTE_RELATIONS, QUOTES_MODULE, type QuoteRow, type QuotesModuleService } from "../modules/quotes"
import { SERVICES_MODULE, type ServicesModuleService } from "../modules/services"

const timeZoneOf = (scope: MedusaContainer) => (scope.resolve(SERVICES_MODULE) as ServicesModuleService).timeZone

/** A quote as staff see it (its draft too), or "not found"; `customerId` limits it to that customer's. */
export async function loadQuote(scope: MedusaContainer, id: string, audience: "staff" | "customer" = "staff", customerId?: string): Promise<Quote> {
  const quotes: QuotesModuleService = scope.resolve(QUOTES_MODULE)
  const [row] = await quotes.listQuotes({ id, ...(customerId ? { customer_id: customerId } : {}) }, { relations: QUOTE_RELATIONS, take: 1 })
  if (!row) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Quote ${id} was not found`)
  return presentQuote(row as unknown as QuoteRow, audience)
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
