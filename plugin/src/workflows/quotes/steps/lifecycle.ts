import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { QUOTE_OPEN_STATUSES, QUOTE_STATUS_LABELS, type QuoteEventKind, type QuoteStatus } from "@fieldservice/contract"
import { QUOTES_MODULE, type QuotesModuleService } from "../../../modules/quotes"
import { businessToday } from "../quote-content"
import { copyVersionAttachments } from "./attachments"
import { loadDraft, quoteName } from "./draft"
import { contentOf, removeQuoteRows, writeVersionContent } from "./quote-rows"

const notAllowed = (message: string) => new MedusaError(MedusaError.Types.NOT_ALLOWED, message)

export type SentQuote = { id: string; number: string; title: string; customer_id: string; currency_code: string; total: unknown; version: number }

/**
 * Freezes the draft: it becomes the version the customer sees (the one before it is superseded),
 * and the quote is numbered on its first send. The number stays used if a later step fails.
 */
export const sendQuoteStep = createStep(
  "send-quote",
  async (input: { quote_id: string }, { container }) => {
    const quotes: QuotesModuleService = container.resolve(QUOTES_MODULE)
    const { quote, draft } = await loadDraft(quotes, input.quote_id)
    if (quote.status !== "draft" && !QUOTE_OPEN_STATUSES.includes(quote.status as QuoteStatus)) {
      throw notAllowed(`${quoteName(quote)} is ${QUOTE_STATUS_LABELS[quote.status as QuoteStatus].toLowerCase()}: it can't be sent again.`)
    }
    if (quote.expires_on && quote.expires_on < businessToday(container)) {
      throw notAllowed(`${quoteName(quote)} expires on ${quote.expires_on}, which is past: set a later expiry date before sending.`)
    }
    const now = new Date()
    const number = quote.number ?? (await quotes.nextQuoteNumber(now))
    const previous = quote.versions.filter((version) => version.status === "sent")
    if (previous.length) await quotes.updateQuoteVersions(previous.map((version) => ({ id: version.id, status: "superseded" as const })))
    await quotes.updateQuoteVersions({ id: draft.id, status: "sent", sent_at: now })
    await quotes.updateQuotes({ id: quote.id, number, status: "sent", current_version: draft.version, sent_at: now })
    const sent: SentQuote = {
      id: quote.id,
      number,
      title: quote.title,
      customer_id: quote.customer_id,
      currency_code: quote.currency_code,
      total: quote.total,
      version: draft.version,
    }
    return new StepResponse(sent, {
      quote: { id: quote.id, number: quote.number, status: quote.status, current_version: quote.current_version, sent_at: quote.sent_at },
      draft_id: draft.id,
      previous_ids: previous.map((version) => version.id),
    })
  },
  async (undo, { container }) => {
    if (!undo) return
    const quotes: QuotesModuleService = container.resolve(QUOTES_MODULE)
    await quotes.updateQuoteVersions([
      { id: undo.draft_id, status: "draft" as const, sent_at: null },
      ...undo.previous_ids.map((id) => ({ id, status: "sent" as const })),
    ])
    await quotes.updateQuotes(undo.quote as never)
  }
)

/** Opens version n+1 as a draft copied from the version the customer has (open quotes only, one draft at a time). */
export const reviseQuoteStep = createStep(
  "revise-quote",
  async (input: { quote_id: string }, { container }) => {
    const quotes: QuotesModuleService = container.resolve(QUOTES_MODULE)
    const quote = await quotes.retrieveQuote(input.quote_id, { relations: ["versions", "versions.options", "versions.options.lines"] })
    if (!QUOTE_OPEN_STATUSES.includes(quote.status as QuoteStatus)) {
      throw notAllowed(
        `${quoteName(quote)} is ${QUOTE_STATUS_LABELS[quote.status as QuoteStatus].toLowerCase()}: only a sent quote the customer hasn't answered can be revised.`
      )
    }
    const open = quote.versions.find((version) => version.status === "draft")
    if (open) throw notAllowed(`${quoteName(quote)} already has a draft (version ${open.version}): edit or send that.`)
    const current = quote.versions.find((version) => version.version === quote.current_version)!
    const next = Math.max(...quote.versions.map((version) => version.version)) + 1
    const version = await quotes.createQuoteVersions({ quote_id: quote.id, version: next, status: "draft", notes: current.notes })
    const content = await writeVersionContent(quotes, version.id, contentOf(current.options ?? []))
    const attachment_ids = await copyVersionAttachments(quotes, current.id, version.id)
    const revised = {
      id: quote.id,
      number: quote.number,
      title: quote.title,
      customer_id: quote.customer_id,
      currency_code: quote.currency_code,
      version: next,
    }
    return new StepResponse(revised, { version_ids: [version.id], attachment_ids, ...content })
  },
  async (rows, { container }) => {
    if (rows) await removeQuoteRows(container.resolve(QUOTES_MODULE), rows)
  }
)

export type ExpiredQuote = { id: string; number: string | null; title: string; customer_id: string; expires_on: string | null; current_version: number }

/** Open quotes whose last day is before `today` (the business's calendar) become expired. */
export const expireQuotesStep = createStep(
  "expire-quotes",
  async (input: { today: string }, { container }) => {
    const quotes: QuotesModuleService = container.resolve(QUOTES_MODULE)
    const due = await quotes.listQuotes({ status: [...QUOTE_OPEN_STATUSES], expires_on: { $lt: input.today } } as never, { take: 1000 })
    if (due.length) await quotes.updateQuotes(due.map((quote) => ({ id: quote.id, status: "expired" as const })))
    const expired: ExpiredQuote[] = due.map(({ id, number, title, customer_id, expires_on, current_version }) => ({
      id,
      number,
      title,
      customer_id,
      expires_on,
      current_version,
    }))
    return new StepResponse(
      expired,
      due.map((quote) => ({ id: quote.id, status: quote.status }))
    )
  },
  async (before, { container }) => {
    if (before?.length) await (container.resolve(QUOTES_MODULE) as QuotesModuleService).updateQuotes(before as never)
  }
)

export type QuoteEventInput = { quote_id: string; kind: QuoteEventKind; version: number | null; message?: string | null; actor: string | null }

/** Lines in the quotes' own history (the quote page's list). */
export const recordQuoteEventsStep = createStep(
  "record-quote-events",
  async (events: QuoteEventInput[], { container }) => {
    if (!events.length) return new StepResponse([] as string[], [] as string[])
    const quotes: QuotesModuleService = container.resolve(QUOTES_MODULE)
    const made = await quotes.createQuoteEvents(events.map((event) => ({ ...event, message: event.message ?? null })))
    const ids = made.map((event) => event.id)
    return new StepResponse(ids, ids)
  },
  async (ids, { container }) => {
    if (ids?.length) await (container.resolve(QUOTES_MODULE) as QuotesModuleService).deleteQuoteEvents(ids)
  }
)
