import { model } from "@medusajs/framework/utils"
import QuoteOption from "./quote-option"

/** A service from the catalogue (price taken from it, editable) or a free line; optional lines are ticked by the customer. */
const QuoteLine = model.define("quote_line", {
  id: model.id({ prefix: "quol" }).primaryKey(),
  option: model.belongsTo(() => QuoteOption, { mappedBy: "lines" }),
  rank: model.number().default(0),
  product_id: model.text().nullable(),
  variant_id: model.text().nullable(),
  description: model.text(),
  quantity: model.number().default(1),
  unit_price: model.bigNumber(),
  /** Percent (20 is 20%); a BigNumber so 17.5 stays exact. */
  tax_rate: model.bigNumber().default(0),
  optional: model.boolean().default(false),
  subtotal: model.bigNumber(),
  tax_total: model.bigNumber(),
  total: model.bigNumber(),
})

export default QuoteLine
