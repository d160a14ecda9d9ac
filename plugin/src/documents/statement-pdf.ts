import { AGEING_BUCKET_LABELS, AGEING_BUCKETS, formatLongDate, formatMoney, type AccountStatement } from "@fieldservice/contract"
import { renderPdf, row, rule } from "./pdf"

const longDay = formatLongDate
const shortDay = (value: string, timeZone: string) =>
  new Intl.DateTimeFormat("en-GB", { day: "2-digit", month: "short", year: "numeric", timeZone }).format(new Date(value))
/** A period's day (YYYY-MM-DD) as written, without a time zone moving it. */
const periodDay = (value: string) => longDay(`${value}T12:00:00Z`, "UTC")

/** statement-2026-01-01-2026-12-31.pdf */
export const statementFileName = (statement: AccountStatement) => `statement-${statement.period.from}-${statement.period.to}.pdf`

/**
 * The account statement as a PDF (seed 003: "Print PDF"/"Email Statement"): the business and the
 * customer, the period, the balance brought forward, each entry with its running balance, the
 * closing balance, the ageing and the invoices still open, then how to pay.
 */
export function renderStatementPdf(statement: AccountStatement, timeZone: string): Promise<Buffer> {
  const money = (amount: number) => formatMoney(amount, statement.currency_code)
  const { seller, customer } = statement
  return renderPdf(`Statement ${statement.period.from} to ${statement.period.to}`, (doc) => {
    doc
      .fontSize(18)
      .font("Helvetica-Bold")
      .text(seller.name || "Statement")
    doc.fontSize(9).font("Helvetica")
    for (const line of [...seller.address_lines, seller.phone, seller.email].filter(Boolean)) doc.text(line as string)
    doc.moveDown()

    doc.fontSize(14).font("Helvetica-Bold").text("Account statement")
    doc.fontSize(10).font("Helvetica")
    doc.text(`Period: ${periodDay(statement.period.from)} to ${periodDay(statement.period.to)}`)
    doc.text(`Date: ${longDay(statement.generated_at, timeZone)}`)
    doc.moveDown()
    doc.font("Helvetica-Bold").text("Account")
    doc.font("Helvetica").text(customer.name)
    if (customer.company && customer.company !== customer.name) doc.text(customer.company)
    for (const line of customer.address_lines) doc.text(line)
    doc.text(customer.email)
    doc.moveDown()

    const columns = (date: string, reference: string, description: string, debit: string, credit: string, balance: string) => [
      { text: date, width: 65 },
      { text: reference, width: 95 },
      { text: description, width: 150 },
      { text: debit, width: 60, align: "right" as const },
      { text: credit, width: 60, align: "right" as const },
      { text: balance, width: 65, align: "right" as const },
    ]
    doc.fontSize(8.5)
    row(doc, columns("Date", "Reference", "Details", "Debit", "Credit", "Balance"), { bold: true })
    rule(doc)
    row(doc, columns(shortDay(`${statement.period.from}T12:00:00Z`, "UTC"), "", "Balance brought forward", "", "", money(statement.opening_balance)))
    for (const entry of statement.entries) {
      row(
        doc,
        columns(
          shortDay(entry.date, timeZone),
          entry.reference,
          entry.description,
          entry.debit ? money(entry.debit) : "",
          entry.credit ? money(entry.credit) : "",
          money(entry.balance)
        )
      )
    }
    rule(doc)
    row(doc, columns("", "", "Closing balance", money(statement.total_debits), money(statement.total_credits), money(statement.closing_balance)), {
      bold: true,
    })
    doc.moveDown()

    doc
      .fontSize(10)
      .font("Helvetica-Bold")
      .text(`Ageing at ${periodDay(statement.ageing.as_of)}`)
    doc.moveDown(0.3).fontSize(8.5)
    const ageWidth = 495 / (AGEING_BUCKETS.length + 1)
    row(
      doc,
      [
        ...AGEING_BUCKETS.map((bucket) => ({ text: AGEING_BUCKET_LABELS[bucket], width: ageWidth, align: "right" as const })),
        { text: "Total owed", width: ageWidth, align: "right" as const },
      ],
      {
        bold: true,
      }
    )
    row(doc, [
      ...AGEING_BUCKETS.map((bucket) => ({ text: money(statement.ageing[bucket]), width: ageWidth, align: "right" as const })),
      { text: money(statement.ageing.total), width: ageWidth, align: "right" as const },
    ])
    if (statement.ageing.unapplied_credit) doc.text(`Credit on the account, not yet set against an invoice: ${money(statement.ageing.unapplied_credit)}`)
    doc.moveDown()

    if (statement.open_invoices.length) {
      doc.fontSize(10).font("Helvetica-Bold").text("Invoices still open")
      doc.moveDown(0.3).fontSize(8.5)
      const openRow = (cells: string[], bold = false) =>
        row(
          doc,
          cells.map((text, i) => ({ text, width: [110, 95, 95, 95, 100][i], align: i < 1 ? ("left" as const) : ("right" as const) })),
          { bold }
        )
      openRow(["Invoice", "Issued", "Due", "Total", "Owed"], true)
      for (const invoice of statement.open_invoices) {
        openRow([
          invoice.number ?? "",
          shortDay(invoice.issued_at, timeZone),
          invoice.due_at ? `${shortDay(invoice.due_at, timeZone)}${invoice.days_overdue > 0 ? ` (${invoice.days_overdue} d late)` : ""}` : "—",
          money(invoice.total),
          money(invoice.balance),
        ])
      }
      doc.moveDown()
    }
    if (seller.bank_details) {
      doc.fontSize(10).font("Helvetica-Bold").text("How to pay")
      doc.font("Helvetica").text(seller.bank_details)
      doc.moveDown()
    }
    if (seller.footer) doc.fontSize(8).fillColor("#555555").text(seller.footer)
  })
}
