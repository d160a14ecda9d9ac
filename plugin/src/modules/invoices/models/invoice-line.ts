import { model } from "@medusajs/framework/utils"
import Invoice from "./invoice"

/** One billed item: a visit's service and option, with its own rounded tax. */
const InvoiceLine = model.define("invoice_line", {
  id: model.id({ prefix: "invl" }).primaryKey(),
  invoice: model.belongsTo(() => Invoice, { mappedBy: "lines" }),
  rank: model.number().default(0),
  description: model.text(),
  booking_id: model.text().nullable(),
  booking_number: model.text().nullable(),
  visit_date: model.dateTime().nullable(),
  visit_address: model.text().nullable(),
  quantity: model.number().default(1),
  unit_price: model.bigNumber(),
  /** Percent (20 is 20%); a BigNumber so 17.5 stays exact. */
  tax_rate: model.bigNumber().default(0),
  tax_code: model.text().nullable(),
  subtotal: model.bigNumber(),
  tax_total: model.bigNumber(),
  total: model.bigNumber(),
})

export default InvoiceLine
