import { formatLongDate, formatMoney, INVOICE_STATUS_LABELS, type Invoice } from "@fieldservice/contract"
import { partyBlock, renderPdf, row, rule, sellerHeader } from "./pdf"

const day = (value: string | null, timeZone: string) => (value ? formatLongDate(value, timeZone) : "—")

/**
 * The invoice as a PDF (seed 000's "View invoice"): seller and customer, dates, one row per line
 * with its tax, the totals, payments and credit notes, then how to pay and the footer.
 */
export function renderInvoicePdf(invoice: Invoice, timeZone: string): Promise<Buffer> {
  const money = (amount: number) => formatMoney(amount, invoice.currency_code)
  const title = invoice.number ? `Invoice ${invoice.number}` : "Draft invoice"
  return renderPdf(title, (doc) => {
    const { seller, bill_to: billTo } = invoice
    sellerHeader(doc, seller, "Invoice")

    doc.fontSize(14).font("Helvetica-Bold").text(title)
    doc.fontSize(10).font("Helvetica")
    doc.text(`Status: ${invoice.overdue ? "Overdue" : INVOICE_STATUS_LABELS[invoice.status]}`)
    doc.text(`Issue date: ${day(invoice.issued_at, timeZone)}`)
    doc.text(`Due date: ${day(invoice.due_at, timeZone)}${invoice.due_rule_text ? ` (${invoice.due_rule_text})` : ""}`)
    doc.moveDown()

    partyBlock(doc, "Bill to", billTo)

    doc.fontSize(9)
    row(
      doc,
      [
        { text: "Description", width: 225 },
        { text: "Qty", width: 35, align: "right" },
        { text: "Unit price", width: 70, align: "right" },
        { text: "Tax", width: 95, align: "right" },
        { text: "Amount", width: 70, align: "right" },
      ],
      { bold: true }
    )
    rule(doc)
    for (const line of invoice.lines) {
      const visit = [line.booking_number, line.visit_date ? day(line.visit_date, timeZone) : null, line.visit_address].filter(Boolean).join(", ")
      row(doc, [
        { text: visit ? `${line.description}\n${visit}` : line.description, width: 225 },
        { text: String(line.quantity), width: 35, align: "right" },
        { text: money(line.unit_price), width: 70, align: "right" },
        { text: `${money(line.tax_total)} (${line.tax_rate}%)`, width: 95, align: "right" },
        { text: money(line.subtotal), width: 70, align: "right" },
      ])
    }
    rule(doc)
    const totals: [string, number][] = [
      ["Subtotal", invoice.subtotal],
      ["Tax", invoice.tax_total],
      ["Total", invoice.total],
      ...invoice.credit_notes.map((note): [string, number] => [`Credit note ${note.number}`, -note.total]),
      ...(invoice.paid_total ? [["Paid", -invoice.paid_total] as [string, number]] : []),
      ["Balance due", invoice.balance],
    ]
    for (const [label, amount] of totals)
      row(
        doc,
        [
          { text: label, width: 425, align: "right" },
          { text: money(amount), width: 70, align: "right" },
        ],
        { bold: label === "Balance due" }
      )
    doc.moveDown()
    if (seller.bank_details) {
      doc.fontSize(10).font("Helvetica-Bold").text("How to pay")
      doc.font("Helvetica").text(seller.bank_details)
      doc.moveDown()
    }
    if (seller.footer) doc.fontSize(8).fillColor("#555555").text(seller.footer)
  })
}
