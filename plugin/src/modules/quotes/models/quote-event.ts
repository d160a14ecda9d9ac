import { QUOTE_EVENT_KINDS } from "@fieldservice/contract"
import { model } from "@medusajs/framework/utils"
import Quote from "./quote"

/** The quote's history: sent, viewed, accepted, declined (reason), changes requested (message), revised, expired. */
const QuoteEvent = model
  .define("quote_event", {
    id: model.id({ prefix: "quoe" }).primaryKey(),
    quote: model.belongsTo(() => Quote, { mappedBy: "events" }),
    kind: model.enum([...QUOTE_EVENT_KINDS]),
    version: model.number().nullable(),
    message: model.text().nullable(),
    /** "customer", or the staff member's email. */
    actor: model.text().nullable(),
  })
  .indexes([{ on: ["quote_id", "created_at"] }])

export default QuoteEvent
