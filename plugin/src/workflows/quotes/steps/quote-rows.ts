import { exactAmount } from "../../../modules/invoices/totals"
import type { QuotesModuleService } from "../../../modules/quotes"
import type { PreparedOption } from "../quote-content"

const money = (value: string) => exactAmount(value)

/** A version's options and their lines, written in two statements. */
export async function writeVersionContent(quotes: QuotesModuleService, versionId: string, options: PreparedOption[]) {
  const made = await quotes.createQuoteOptions(
    options.map((option) => ({
      version_id: versionId,
      rank: option.rank,
      title: option.title,
      description: option.description,
      subtotal: money(option.subtotal),
      tax_total: money(option.tax_total),
      total: money(option.total),
    }))
  )
  const byRank = new Map(made.map((option) => [option.rank, option.id]))
  const lines = options.flatMap((option) =>
    option.lines.map((line) => ({
      ...line,
      option_id: byRank.get(option.rank)!,
      unit_price: money(line.unit_price),
      tax_rate: money(line.tax_rate),
      subtotal: money(line.subtotal),
      tax_total: money(line.tax_total),
      total: money(line.total),
    }))
  )
  const written = lines.length ? await quotes.createQuoteLines(lines) : []
  return { option_ids: made.map((option) => option.id), line_ids: written.map((line) => line.id) }
}

type LineRow = { rank: number; product_id: string | null; variant_id: string | null; description: string; quantity: number; optional: boolean } & Record<
  "unit_price" | "tax_rate" | "subtotal" | "tax_total" | "total",
  unknown
>
type OptionRow = { rank: number; title: string; description: string | null; subtotal: unknown; tax_total: unknown; total: unknown; lines?: LineRow[] }

const text = (value: unknown) => String((value as { toString(): string }).toString())

/** A stored version's content as `writeVersionContent` takes it: a revision starts as a copy. */
export const contentOf = (options: OptionRow[]): PreparedOption[] =>
  options.map((option) => ({
    rank: option.rank,
    title: option.title,
    description: option.description,
    subtotal: text(option.subtotal),
    tax_total: text(option.tax_total),
    total: text(option.total),
    lines: (option.lines ?? []).map((line) => ({
      rank: line.rank,
      product_id: line.product_id,
      variant_id: line.variant_id,
      description: line.description,
      quantity: line.quantity,
      optional: line.optional,
      unit_price: text(line.unit_price),
      tax_rate: text(line.tax_rate),
      subtotal: text(line.subtotal),
      tax_total: text(line.tax_total),
      total: text(line.total),
    })),
  }))

/** Removes rows a failed workflow wrote: files listed, lines, options, versions, then quotes. */
export async function removeQuoteRows(
  quotes: QuotesModuleService,
  rows: { quote_ids?: string[]; version_ids?: string[]; option_ids?: string[]; line_ids?: string[]; attachment_ids?: string[] }
) {
  // Only the rows: a revision's copies share the sent version's stored files.
  if (rows.attachment_ids?.length) await quotes.deleteQuoteAttachments(rows.attachment_ids)
  if (rows.line_ids?.length) await quotes.deleteQuoteLines(rows.line_ids)
  if (rows.option_ids?.length) await quotes.deleteQuoteOptions(rows.option_ids)
  if (rows.version_ids?.length) await quotes.deleteQuoteVersions(rows.version_ids)
  if (rows.quote_ids?.length) {
    const events = await quotes.listQuoteEvents({ quote_id: rows.quote_ids }, { select: ["id"] })
    if (events.length) await quotes.deleteQuoteEvents(events.map((event) => event.id))
    await quotes.deleteQuotes(rows.quote_ids)
  }
}
