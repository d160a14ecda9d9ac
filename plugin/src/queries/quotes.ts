import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import type { QuoteSummary, StoreQuoteListResponse } from "@fieldservice/contract"
import { presentQuote, presentSummary, QUOTE_RELATIONS, QUOTES_MODULE, type QuoteRow, type QuotesModuleService } from "../modules/quotes"

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
  return presentQuote(await loadCustomerQuoteRow(scope, customerId, quoteId), "customer")
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
