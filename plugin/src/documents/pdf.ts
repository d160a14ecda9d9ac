import PDFDocument from "pdfkit"
import type { InvoiceParty, InvoiceSeller } from "@fieldservice/contract"

export type Pdf = InstanceType<typeof PDFDocument>

/** A4 with pdfkit's built-in Helvetica (no font files to ship), collected into one Buffer. */
export function renderPdf(title: string, draw: (doc: Pdf) => void): Promise<Buffer> {
  const doc = new PDFDocument({ size: "A4", margin: 50, info: { Title: title }, bufferPages: false })
  const chunks: Buffer[] = []
  return new Promise((resolve, reject) => {
    doc.on("data", (chunk: Buffer) => chunks.push(chunk))
    doc.on("end", () => resolve(Buffer.concat(chunks)))
    doc.on("error", reject)
    draw(doc)
    doc.end()
  })
}

/** Columns across the page: each a width and alignment; the text goes in one row at the current y. */
export function row(doc: Pdf, cells: { text: string; width: number; align?: "left" | "right" }[], options: { bold?: boolean } = {}) {
  const y = doc.y
  let x = doc.page.margins.left
  let bottom = y
  doc.font(options.bold ? "Helvetica-Bold" : "Helvetica")
  for (const cell of cells) {
    doc.text(cell.text, x, y, { width: cell.width, align: cell.align ?? "left" })
    bottom = Math.max(bottom, doc.y)
    x += cell.width
  }
  doc.font("Helvetica")
  doc.x = doc.page.margins.left
  doc.y = bottom + 4
}

export function rule(doc: Pdf) {
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right
  doc
    .moveTo(doc.page.margins.left, doc.y)
    .lineTo(doc.page.margins.left + width, doc.y)
    .strokeColor("#cccccc")
    .stroke()
  doc.moveDown(0.5)
}

/** The business at the top of a document: name, address, contact and tax registration. */
export function sellerHeader(doc: Pdf, seller: InvoiceSeller, fallback: string) {
  doc
    .fontSize(18)
    .font("Helvetica-Bold")
    .text(seller.name || fallback)
  doc.fontSize(9).font("Helvetica")
  for (const line of [...seller.address_lines, seller.phone, seller.email].filter(Boolean)) doc.text(line as string)
  if (seller.tax_registration_number) doc.text(`VAT registration: ${seller.tax_registration_number}`)
  doc.moveDown()
}

/** Who a document is addressed to ("Bill to", "Prepared for"). */
export function partyBlock(doc: Pdf, label: string, party: InvoiceParty) {
  doc.font("Helvetica-Bold").text(label)
  doc.font("Helvetica").text(party.name)
  for (const line of party.address_lines) doc.text(line)
  if (party.email) doc.text(party.email)
  if (party.tax_id) doc.text(`Tax ID: ${party.tax_id}`)
  doc.moveDown()
}
