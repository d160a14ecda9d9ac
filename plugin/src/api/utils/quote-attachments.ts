import type { MedusaResponse } from "@medusajs/framework/http"
import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { QUOTES_MODULE, type QuotesModuleService } from "../../modules/quotes"
import { sendAttachmentFile } from "./private-files"

type Versions = { versions?: { id: string; status: string }[] }

/**
 * Streams a file of one of the quote's versions. The customer gets only a version they were sent
 * (never the draft); a file of a draft, of another quote or that was removed is the same 404.
 */
export async function sendQuoteAttachment(scope: MedusaContainer, res: MedusaResponse, quote: Versions, attachmentId: string, audience: "staff" | "customer") {
  const versionIds = (quote.versions ?? []).filter((version) => audience === "staff" || version.status !== "draft").map((version) => version.id)
  const quotes: QuotesModuleService = scope.resolve(QUOTES_MODULE)
  const [attachment] = versionIds.length ? await quotes.listQuoteAttachments({ id: attachmentId, version_id: versionIds }, { take: 1 }) : []
  if (!attachment) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Attachment ${attachmentId} was not found`)
  await sendAttachmentFile(scope, res, attachment)
}
