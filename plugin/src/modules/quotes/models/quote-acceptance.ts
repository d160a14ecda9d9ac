import { model } from "@medusajs/framework/utils"
import Quote from "./quote"

/**
 * The customer's yes: which version, option and optional lines, the typed signature, and the totals
 * as accepted. One per quote (unique), so two tabs accepting at once make one acceptance.
 */
const QuoteAcceptance = model
  .define("quote_acceptance", {
    id: model.id({ prefix: "quoa" }).primaryKey(),
    quote: model.belongsTo(() => Quote, { mappedBy: "acceptance" }),
    version: model.number(),
    option_id: model.text(),
    option_title: model.text(),
    optional_line_ids: model.array().default([]),
    signed_name: model.text(),
    accepted_at: model.dateTime(),
    ip: model.text().nullable(),
    user_agent: model.text().nullable(),
    subtotal: model.bigNumber(),
    tax_total: model.bigNumber(),
    total: model.bigNumber(),
    deposit_amount: model.bigNumber().default(0),
  })
  .indexes([{ on: ["quote_id"], unique: true, where: "deleted_at IS NULL" }])

export default QuoteAcceptance
