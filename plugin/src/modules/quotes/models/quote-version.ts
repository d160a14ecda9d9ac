import { model } from "@medusajs/framework/utils"
import Quote from "./quote"
import QuoteAttachment from "./quote-attachment"
import QuoteOption from "./quote-option"

/** One version of a quote's content. Once sent it is never edited; a revision is the next version. */
const QuoteVersion = model
  .define("quote_version", {
    id: model.id({ prefix: "quov" }).primaryKey(),
    quote: model.belongsTo(() => Quote, { mappedBy: "versions" }),
    version: model.number(),
    /** draft, sent, or superseded (a later version was sent). */
    status: model.enum(["draft", "sent", "superseded"]).default("draft"),
    notes: model.text().nullable(),
    sent_at: model.dateTime().nullable(),
    options: model.hasMany(() => QuoteOption, { mappedBy: "version" }),
    attachments: model.hasMany(() => QuoteAttachment, { mappedBy: "version" }),
  })
  .indexes([{ on: ["quote_id", "version"], unique: true, where: "deleted_at IS NULL" }])

export default QuoteVersion
