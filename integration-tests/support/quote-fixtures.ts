import { randomBytes } from "node:crypto"
import { lineAmounts } from "../../plugin/src/modules/invoices/totals"
import { optionTotals } from "../../plugin/src/modules/quotes/totals"
import { sql } from "./db"

/**
 * Sent quotes for the customer-side tests, written straight into the quote tables until the staff
 * routes (create, send) exist; amounts come from the module's own totals, so they are what staff
 * would have sent. At merge this becomes the staff API: keep the signature simple.
 */

export type FixtureLine = { description: string; quantity?: number; unit_price: number | string; tax_rate?: number | string; optional?: boolean }
export type FixtureOption = { title: string; lines: FixtureLine[] }

export type SentQuoteInput = {
  customer_id: string
  options: FixtureOption[]
  title?: string
  /** Last day to accept (YYYY-MM-DD); none by default. */
  expires_on?: string | null
  status?: "sent" | "viewed" | "changes_requested" | "accepted" | "declined" | "expired"
  /** The current version's number; earlier ones are written as superseded copies of the same options. */
  version?: number
  deposit?: { kind: "amount" | "percent"; value: number }
  currency_code?: string
  /** Also leave a draft version n+1 open, as a revision in progress would. */
  with_draft?: boolean
}

type Option = { id: string; title: string; lines: { id: string; description: string; optional: boolean }[] }
export type SentQuote = { id: string; number: string; title: string; current_version: number; options: Option[]; earlier: Option[][]; draft: Option[] | null }

const newId = (prefix: string) => `${prefix}_${randomBytes(13).toString("hex").toUpperCase()}`
const money = (value: { toString(): string } | number | string) => [String(value), JSON.stringify({ value: String(value), precision: 20 })]

async function insertVersion(quoteId: string, version: number, status: string, options: FixtureOption[], currency: string): Promise<Option[]> {
  const versionId = newId("quov")
  await sql(`insert into quote_version (id, quote_id, version, status, sent_at) values ($1, $2, $3, $4, $5)`, [
    versionId,
    quoteId,
    version,
    status,
    status === "draft" ? null : new Date(),
  ])
  const written: Option[] = []
  for (const [rank, option] of options.entries()) {
    const optionId = newId("quoo")
    const lines = option.lines.map((line) => ({
      ...line,
      id: newId("quol"),
      quantity: line.quantity ?? 1,
      tax_rate: line.tax_rate ?? 20,
      optional: !!line.optional,
    }))
    const totals = optionTotals(lines, currency)
    await sql(
      `insert into quote_option (id, version_id, rank, title, subtotal, raw_subtotal, tax_total, raw_tax_total, total, raw_total)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [optionId, versionId, rank, option.title, ...money(totals.subtotal), ...money(totals.tax_total), ...money(totals.total)]
    )
    for (const [lineRank, line] of lines.entries()) {
      const amounts = lineAmounts(line, currency)
      await sql(
        `insert into quote_line (id, option_id, rank, description, quantity, unit_price, raw_unit_price, tax_rate, raw_tax_rate, optional,
                                 subtotal, raw_subtotal, tax_total, raw_tax_total, total, raw_total)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)`,
        [
          line.id,
          optionId,
          lineRank,
          line.description,
          line.quantity,
          ...money(line.unit_price),
          ...money(line.tax_rate),
          line.optional,
          ...money(amounts.subtotal),
          ...money(amounts.tax_total),
          ...money(amounts.total),
        ]
      )
    }
    written.push({ id: optionId, title: option.title, lines: lines.map(({ id, description, optional }) => ({ id, description, optional })) })
  }
  return written
}

/** A quote as staff would have sent it to the customer: numbered, its versions written, the latest sent. */
export async function insertSentQuote(input: SentQuoteInput): Promise<SentQuote> {
  const id = newId("quo")
  const currency = input.currency_code ?? "gbp"
  const current = input.version ?? 1
  const title = input.title ?? "End of tenancy clean"
  const [{ value }] = await sql<{ value: string }>(`select nextval('quote_number_seq')::text as value`)
  const number = `QUO-${new Date().getFullYear()}-${value.padStart(6, "0")}`
  const first = optionTotals(
    input.options[0].lines.map((line) => ({ ...line, quantity: line.quantity ?? 1, tax_rate: line.tax_rate ?? 20 })),
    currency
  )
  const party = { name: "Quote Customer", company: null, email: null, address_lines: [], tax_id: null }
  const seller = { name: "Brightside Cleaning", address_lines: [], tax_registration_number: null, bank_details: null, footer: null, email: null, phone: null }
  await sql(
    `insert into quote (id, number, status, title, customer_id, currency_code, expires_on, deposit_kind, deposit_value, raw_deposit_value,
                        bill_to, seller, total, raw_total, current_version, sent_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, now())`,
    [
      id,
      number,
      input.status ?? "sent",
      title,
      input.customer_id,
      currency,
      input.expires_on ?? null,
      input.deposit?.kind ?? "none",
      ...(input.deposit ? money(input.deposit.value) : [null, null]),
      JSON.stringify(party),
      JSON.stringify(seller),
      ...money(first.total),
      current,
    ]
  )
  const earlier: Option[][] = []
  for (let version = 1; version < current; version++) earlier.push(await insertVersion(id, version, "superseded", input.options, currency))
  const options = await insertVersion(id, current, "sent", input.options, currency)
  const draft = input.with_draft ? await insertVersion(id, current + 1, "draft", input.options, currency) : null
  return { id, number, title, current_version: current, options, earlier, draft }
}

/** A quote staff are still writing (never sent): the customer must not see it. */
export async function insertDraftQuote(customerId: string, title = "A draft nobody sent") {
  const id = newId("quo")
  const party = JSON.stringify({ name: "Quote Customer", company: null, email: null, address_lines: [], tax_id: null })
  await sql(
    `insert into quote (id, status, title, customer_id, currency_code, bill_to, seller, current_version) values ($1, 'draft', $2, $3, 'gbp', $4, $5, 0)`,
    [id, title, customerId, party, JSON.stringify({ name: "Brightside Cleaning" })]
  )
  await insertVersion(id, 1, "draft", [{ title: "Only", lines: [{ description: "Hidden line", unit_price: 10 }] }], "gbp")
  return { id }
}

/**
 * A photo listed on the quote's sent version, reusing the stored file of one of the customer's
 * booking photos (so it can be read back, without going through staff's draft).
 */
export async function insertQuoteAttachment(quoteId: string, bookingAttachmentId: string) {
  const id = newId("qatt")
  await sql(
    `insert into quote_attachment (id, version_id, file_id, url, filename, mime_type, size_bytes, content_sha256)
     select $1, v.id, b.file_id, b.url, b.filename, b.mime_type, b.size_bytes, $1
       from quote_version v, booking_attachment b where v.quote_id = $2 and v.status = 'sent' and b.id = $3`,
    [id, quoteId, bookingAttachmentId]
  )
  return id
}
