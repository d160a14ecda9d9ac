import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { exactAmount } from "../../../modules/invoices/totals"
import { QUOTES_MODULE, type QuotesModuleService } from "../../../modules/quotes"
import { prepareQuote, type PreparedQuote, type QuoteDraftFields } from "../quote-content"
import { contentOf, removeQuoteRows, writeVersionContent } from "./quote-rows"

type Snapshot = Record<string, unknown> & { id: string }

export const quoteName = (quote: { number: string | null; title: string }) => (quote.number ? `Quote ${quote.number}` : `The draft quote "${quote.title}"`)

/** A new quote's draft, checked and priced (nothing written yet). */
export const prepareNewQuoteStep = createStep(
  "prepare-new-quote",
  async (input: { customer_id: string; fields: QuoteDraftFields & Required<Pick<QuoteDraftFields, "title" | "options">> }, { container }) => {
    const { fields } = input
    const prepared = await prepareQuote(container, {
      customer_id: input.customer_id,
      currency_code: null,
      fields: {
        title: fields.title,
        business_profile_id: fields.business_profile_id ?? null,
        address_id: fields.address_id ?? null,
        expires_on: fields.expires_on ?? null,
        deposit: fields.deposit ?? { kind: "none" },
        notes: fields.notes ?? null,
        options: fields.options,
      },
    })
    return new StepResponse(prepared)
  }
)

/** The quote with its draft version (a sent version is never edited: staff revise it instead). */
export async function loadDraft(quotes: QuotesModuleService, quoteId: string) {
  const quote = await quotes.retrieveQuote(quoteId, { relations: ["versions", "versions.options", "versions.options.lines"] })
  const draft = quote.versions.find((version) => version.status === "draft")
  if (!draft) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `${quoteName(quote)} was sent and has no draft: revise it to make changes.`)
  }
  return { quote, draft }
}

/** An edit of the draft: what is left out stays as it was; `options` replaces the draft's content. */
export const prepareQuoteEditStep = createStep("prepare-quote-edit", async (input: { quote_id: string; fields: QuoteDraftFields }, { container }) => {
  const quotes: QuotesModuleService = container.resolve(QUOTES_MODULE)
  const { quote, draft } = await loadDraft(quotes, input.quote_id)
  const { fields } = input
  const has = (key: keyof QuoteDraftFields) => fields[key] !== undefined
  const kept = contentOf([...(draft.options ?? [])].sort((a, b) => a.rank - b.rank) as never)
  const prepared = await prepareQuote(container, {
    customer_id: quote.customer_id,
    currency_code: quote.currency_code,
    fields: {
      title: fields.title ?? quote.title,
      business_profile_id: has("business_profile_id") ? (fields.business_profile_id ?? null) : quote.business_profile_id,
      address_id: has("address_id") ? (fields.address_id ?? null) : quote.address_id,
      expires_on: has("expires_on") ? (fields.expires_on ?? null) : quote.expires_on,
      deposit: fields.deposit ?? { kind: quote.deposit_kind, value: quote.deposit_value === null ? null : String(quote.deposit_value) },
      notes: has("notes") ? (fields.notes ?? null) : draft.notes,
      // Unchanged lines are priced again: a new location or profile may change their tax.
      options:
        fields.options ??
        kept.map((option) => ({
          title: option.title,
          description: option.description,
          lines: [...option.lines].sort((a, b) => a.rank - b.rank).map((line) => ({ ...line, unit_price: line.unit_price })),
        })),
    },
  })
  return new StepResponse(prepared)
})

const quoteFields = (prepared: PreparedQuote) => ({
  ...prepared.quote,
  deposit_value: prepared.quote.deposit_value === null ? null : exactAmount(prepared.quote.deposit_value),
  total: exactAmount(prepared.quote.total),
})

/** The quote, its version 1 (a draft) and its content, written at once; all removed if a later step fails. */
export const createQuoteStep = createStep(
  "create-quote",
  async (input: { prepared: PreparedQuote; created_by: string | null }, { container }) => {
    const quotes: QuotesModuleService = container.resolve(QUOTES_MODULE)
    const quote = await quotes.createQuotes({ ...quoteFields(input.prepared), status: "draft", created_by: input.created_by })
    const version = await quotes.createQuoteVersions({ quote_id: quote.id, version: 1, status: "draft", notes: input.prepared.notes })
    const content = await writeVersionContent(quotes, version.id, input.prepared.options)
    return new StepResponse(quote, { quote_ids: [quote.id], version_ids: [version.id], ...content })
  },
  async (rows, { container }) => {
    if (rows) await removeQuoteRows(container.resolve(QUOTES_MODULE), rows)
  }
)

/** The draft's content replaced and the quote's fields set; undone by putting the old rows back. */
export const replaceQuoteDraftStep = createStep(
  "replace-quote-draft",
  async (input: { quote_id: string; prepared: PreparedQuote }, { container }) => {
    const quotes: QuotesModuleService = container.resolve(QUOTES_MODULE)
    const { quote, draft } = await loadDraft(quotes, input.quote_id)
    const oldOptions = (draft.options ?? []).map((option) => option.id)
    const oldLines = (draft.options ?? []).flatMap((option) => (option.lines ?? []).map((line) => line.id))
    if (oldLines.length) await quotes.softDeleteQuoteLines(oldLines)
    if (oldOptions.length) await quotes.softDeleteQuoteOptions(oldOptions)
    const { customer_id: _customer, currency_code: _currency, ...fields } = quoteFields(input.prepared)
    const updated = await quotes.updateQuotes({ id: quote.id, ...fields })
    await quotes.updateQuoteVersions({ id: draft.id, notes: input.prepared.notes })
    const content = await writeVersionContent(quotes, draft.id, input.prepared.options)
    const before: Snapshot = { id: quote.id }
    for (const key of Object.keys(fields)) before[key] = (quote as unknown as Record<string, unknown>)[key]
    return new StepResponse(updated, { before, version: { id: draft.id, notes: draft.notes }, oldOptions, oldLines, content })
  },
  async (undo, { container }) => {
    if (!undo) return
    const quotes: QuotesModuleService = container.resolve(QUOTES_MODULE)
    await removeQuoteRows(quotes, undo.content)
    if (undo.oldOptions.length) await quotes.restoreQuoteOptions(undo.oldOptions)
    if (undo.oldLines.length) await quotes.restoreQuoteLines(undo.oldLines)
    await quotes.updateQuoteVersions(undo.version)
    await quotes.updateQuotes(undo.before as never)
  }
)
