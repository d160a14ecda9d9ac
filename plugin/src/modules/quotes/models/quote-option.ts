import { model } from "@medusajs/framework/utils"
import QuoteLine from "./quote-line"
import QuoteVersion from "./quote-version"

/** One alternative of a version ("Good / Better / Best"); the customer accepts exactly one. */
const QuoteOption = model.define("quote_option", {
  id: model.id({ prefix: "quoo" }).primaryKey(),
  version: model.belongsTo(() => QuoteVersion, { mappedBy: "options" }),
  rank: model.number().default(0),
  title: model.text(),
  description: model.text().nullable(),
  /** Totals of the required lines; ticked optional lines add to them. */
  subtotal: model.bigNumber().default(0),
  tax_total: model.bigNumber().default(0),
  total: model.bigNumber().default(0),
  lines: model.hasMany(() => QuoteLine, { mappedBy: "option" }),
})

export default QuoteOption
