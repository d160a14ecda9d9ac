import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { QUOTES_MODULE, type QuotesModuleService } from "../../../modules/quotes"
import { contentSha256, refuseWithoutRoom } from "../../files/attachment-room"
import { loadDraft } from "./draft"

/**
 * The draft version a file goes on (a sent version is never changed: staff revise it), once it
 * has room and not this file yet. Answers the version, the file's fingerprint and its place.
 */
export const checkQuoteAttachmentRoomStep = createStep("check-quote-attachment-room", async (input: { quote_id: string; content: string }, { container }) => {
  const quotes: QuotesModuleService = container.resolve(QUOTES_MODULE)
  const { draft } = await loadDraft(quotes, input.quote_id)
  const sha256 = contentSha256(input.content)
  const kept = await quotes.listQuoteAttachments({ version_id: draft.id }, { select: ["filename", "content_sha256", "rank"] })
  refuseWithoutRoom("quote", { same: kept.find((file) => file.content_sha256 === sha256), count: kept.length })
  const rank = Math.max(-1, ...kept.map((file) => file.rank)) + 1
  return new StepResponse({ version_id: draft.id, content_sha256: sha256, rank })
})

export type NewQuoteAttachment = {
  version_id: string
  rank: number
  file_id: string
  url: string
  filename: string
  mime_type: string
  size_bytes: number
  content_sha256: string
}

/** Lists the stored file on the draft; taken off again if a later step fails. */
export const createQuoteAttachmentStep = createStep(
  "create-quote-attachment",
  async (input: NewQuoteAttachment, { container }) => {
    const made = await (container.resolve(QUOTES_MODULE) as QuotesModuleService).createQuoteAttachments(input)
    return new StepResponse({ id: made.id, filename: made.filename }, made.id)
  },
  async (id, { container }) => {
    if (id) await (container.resolve(QUOTES_MODULE) as QuotesModuleService).deleteQuoteAttachments(id)
  }
)

/**
 * Takes a file off the quote's draft (soft delete, restored if a later step fails). Answers the
 * stored file to delete: none while an earlier version still lists it (a revision's copy).
 */
export const removeQuoteAttachmentStep = createStep(
  "remove-quote-attachment",
  async (input: { quote_id: string; attachment_id: string }, { container }) => {
    const quotes: QuotesModuleService = container.resolve(QUOTES_MODULE)
    const { quote, draft } = await loadDraft(quotes, input.quote_id)
    const ids = quote.versions.map((version) => version.id)
    const [attachment] = await quotes.listQuoteAttachments({ id: input.attachment_id, version_id: ids }, { take: 1 })
    if (!attachment) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Attachment ${input.attachment_id} was not found`)
    if (attachment.version_id !== draft.id) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `“${attachment.filename}” is on version ${quote.versions.find((version) => version.id === attachment.version_id)?.version}, which was sent: a sent version is never changed.`
      )
    }
    await quotes.softDeleteQuoteAttachments(attachment.id)
    const [other] = await quotes.listQuoteAttachments({ file_id: attachment.file_id }, { take: 1, select: ["id"] })
    return new StepResponse({ id: attachment.id, filename: attachment.filename, unused_file_id: other ? null : attachment.file_id }, attachment.id)
  },
  async (id, { container }) => {
    if (id) await (container.resolve(QUOTES_MODULE) as QuotesModuleService).restoreQuoteAttachments(id)
  }
)

/** The sent version's files listed on its revision too (the same stored files). */
export async function copyVersionAttachments(quotes: QuotesModuleService, fromVersionId: string, toVersionId: string) {
  const kept = await quotes.listQuoteAttachments({ version_id: fromVersionId })
  if (!kept.length) return [] as string[]
  const copies = await quotes.createQuoteAttachments(
    kept.map(({ rank, file_id, url, filename, mime_type, size_bytes, content_sha256 }) => ({
      version_id: toVersionId,
      rank,
      file_id,
      url,
      filename,
      mime_type,
      size_bytes,
      content_sha256,
    }))
  )
  return copies.map((copy) => copy.id)
}
