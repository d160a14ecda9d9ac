import { model } from "@medusajs/framework/utils"
import Invoice from "./invoice"

/** Corrects an issued invoice by an amount (tax included), lowering what the customer owes. */
const CreditNote = model
  .define("credit_note", {
    id: model.id({ prefix: "cn" }).primaryKey(),
    number: model.text(),
    invoice: model.belongsTo(() => Invoice, { mappedBy: "credit_notes" }),
    reason: model.text(),
    issued_at: model.dateTime(),
    subtotal: model.bigNumber(),
    tax_total: model.bigNumber(),
    total: model.bigNumber(),
    created_by: model.text().nullable(),
  })
  .indexes([{ on: ["number"], unique: true, where: "deleted_at IS NULL" }])

export default CreditNote
