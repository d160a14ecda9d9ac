import { model } from "@medusajs/framework/utils"

/**
 * A visit an invoice bills. Unique per visit among invoices that stand (voiding an invoice
 * soft-deletes its rows), so no visit is ever on two invoices, whichever run or click made them.
 */
const InvoicedVisit = model
  .define("invoiced_visit", {
    id: model.id({ prefix: "invv" }).primaryKey(),
    invoice_id: model.text(),
    booking_id: model.text(),
  })
  .indexes([{ on: ["booking_id"], unique: true, where: "deleted_at IS NULL" }, { on: ["invoice_id"] }])

export default InvoicedVisit
