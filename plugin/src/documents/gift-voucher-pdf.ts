import { renderPdf } from "./pdf"

export type GiftVoucherPdf = {
  business_name: string
  recipient_name: string
  buyer_name: string
  value_text: string
  /** One line each: "Regular clean (2 bedrooms)". Empty for an amount voucher. */
  service_lines: string[]
  code: string
  message: string | null
  expiry_text: string
  book_url: string
}

/** The printable voucher attached to the recipient's email: for whom, from whom, what, the code and until when. */
export function renderGiftVoucherPdf(voucher: GiftVoucherPdf): Promise<Buffer> {
  return renderPdf(`Gift voucher for ${voucher.recipient_name}`, (doc) => {
    const width = doc.page.width - doc.page.margins.left - doc.page.margins.right
    doc.fontSize(12).font("Helvetica").fillColor("#555555").text(voucher.business_name, { align: "center" })
    doc.moveDown(0.5).fontSize(30).font("Helvetica-Bold").fillColor("#000000").text("Gift voucher", { align: "center" })
    doc.moveDown().fontSize(14).font("Helvetica").text(`For ${voucher.recipient_name}`, { align: "center" })
    doc.text(`From ${voucher.buyer_name}`, { align: "center" })
    doc.moveDown().fontSize(22).font("Helvetica-Bold").text(voucher.value_text, { align: "center" })
    doc.fontSize(12).font("Helvetica")
    for (const line of voucher.service_lines) doc.text(line, { align: "center" })
    if (voucher.message) doc.moveDown().font("Helvetica-Oblique").text(`"${voucher.message}"`, { align: "center", width })
    doc.moveDown(1.5).font("Helvetica").fontSize(11).text("Your code", { align: "center" })
    doc.fontSize(24).font("Courier-Bold").text(voucher.code, { align: "center", characterSpacing: 2 })
    doc.moveDown(1.5).fontSize(11).font("Helvetica").text(voucher.expiry_text, { align: "center" })
    doc.text(`Book online at ${voucher.book_url} and enter the code at the payment step.`, { align: "center", width })
  })
}
