import { model } from "@medusajs/framework/utils"
import QuoteVersion from "./quote-version"

/**
 * A photo or PDF staff put on a quote version (kept privately by Medusa's File module). A revision
 * copies the rows, so versions may share one stored file.
 */
const QuoteAttachment = model
  .define("quote_attachment", {
    id: model.id({ prefix: "qatt" }).primaryKey(),
    version: model.belongsTo(() => QuoteVersion, { mappedBy: "attachments" }),
    /** The order they were added in, kept by a revision's copy. */
    rank: model.number().default(0),
    file_id: model.text(),
    url: model.text(),
    filename: model.text(),
    mime_type: model.text(),
    size_bytes: model.number(),
    /** SHA-256 of the file's bytes (hex), so one version keeps the same file once. */
    content_sha256: model.text(),
  })
  .indexes([{ on: ["version_id"] }, { on: ["file_id"] }])

export default QuoteAttachment
