import { formatLongDate, formatMoney, QUOTE_STATUS_LABELS, type Quote, type QuoteVersion } from "@fieldservice/contract"
import { depositAmount } from "../modules/quotes/totals"
import { partyBlock, renderPdf, row, rule, sellerHeader } from "./pdf"

const COLUMNS = { description: 225, quantity: 35, price: 70, tax: 95, amount: 70 }
const LABEL_WIDTH = COLUMNS.description + COLUMNS.quantity + COLUMNS.price + COLUMNS.tax

/**
 * The quote as a PDF, with the invoices' helpers: the business and the customer, the expiry and
 * deposit, then each option with its lines (optional ones marked, not in the option's total) and
 * totals, and the notes. `version` is the one printed: the sent one, or the draft staff preview.
 */
export function renderQuotePdf(quote: Quote, version: QuoteVersion, timeZone: string): Promise<Buffer> {
  const money = (amount: number) => formatMoney(amount, quote.currency_code)
  const title = quote.number ? `Quote ${quote.number}` : "Draft quote"
  return renderPdf(title, (doc) => {
    sellerHeader(doc, quote.seller, "Quote")
    doc.fontSize(14).font("Helvetica-Bold").text(title)
    doc.fontSize(10).font("Helvetica")
    doc.text(quote.title)
    doc.text(`Version ${version.version}${version.status === "draft" ? " (draft, not sent)" : ""} · ${QUOTE_STATUS_LABELS[quote.status]}`)
    if (version.sent_at) doc.text(`Date: ${formatLongDate(version.sent_at, timeZone)}`)
    doc.text(quote.expires_on ? `Valid until: ${formatLongDate(`${quote.expires_on}T12:00:00Z`, timeZone)}` : "Valid until: no expiry date")
    doc.moveDown()
    partyBlock(doc, "Prepared for", quote.bill_to)

    if (version.options.length > 1) doc.fontSize(10).text("Choose one of these options.").moveDown(0.5)
    for (const option of version.options) {
      doc.fontSize(12).font("Helvetica-Bold").text(option.title)
      doc.fontSize(9).font("Helvetica")
      if (option.description) doc.text(option.description)
      doc.moveDown(0.3)
      row(
        doc,
        [
          { text: "Description", width: COLUMNS.description },
          { text: "Qty", width: COLUMNS.quantity, align: "right" },
          { text: "Unit price", width: COLUMNS.price, align: "right" },
          { text: "Tax", width: COLUMNS.tax, align: "right" },
          { text: "Amount", width: COLUMNS.amount, align: "right" },
        ],
        { bold: true }
      )
      rule(doc)
      for (const line of option.lines) {
        row(doc, [
          { text: line.optional ? `${line.description}\nOptional: add it if you wish` : line.description, width: COLUMNS.description },
          { text: String(line.quantity), width: COLUMNS.quantity, align: "right" },
          { text: money(line.unit_price), width: COLUMNS.price, align: "right" },
          { text: `${money(line.tax_total)} (${line.tax_rate}%)`, width: COLUMNS.tax, align: "right" },
          { text: money(line.subtotal), width: COLUMNS.amount, align: "right" },
        ])
      }
      rule(doc)
      const deposit = Number(depositAmount({ kind: quote.deposit.kind, value: quote.deposit.value }, option.total, quote.currency_code).toString())
      const totals: [string, number][] = [
        ["Subtotal", option.subtotal],
        ["Tax", option.tax_total],
        [option.lines.some((line) => line.optional) ? "Total (without optional lines)" : "Total", option.total],
        ...(deposit > 0 ? [["Deposit to pay on accepting", deposit] as [string, number]] : []),
      ]
      for (const [label, amount] of totals) {
        row(
          doc,
          [
            { text: label, width: LABEL_WIDTH, align: "right" },
            { text: money(amount), width: COLUMNS.amount, align: "right" },
          ],
          { bold: label.startsWith("Total") }
        )
      }
      doc.moveDown()
    }
    if (quote.deposit.kind !== "none") {
      const rule = quote.deposit.kind === "percent" ? `${quote.deposit.value}% of the accepted total` : money(quote.deposit.value ?? 0)
      doc.fontSize(10).text(`A deposit of ${rule} is taken when you accept.`).moveDown()
    }
    if (version.notes) {
      doc.fontSize(10).font("Helvetica-Bold").text("Notes")
      doc.font("Helvetica").text(version.notes)
      doc.moveDown()
    }
    if (quote.seller.footer) doc.fontSize(8).fillColor("#555555").text(quote.seller.footer)
  })
}
