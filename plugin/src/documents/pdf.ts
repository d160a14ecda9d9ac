import PDFDocument from "pdfkit"

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
