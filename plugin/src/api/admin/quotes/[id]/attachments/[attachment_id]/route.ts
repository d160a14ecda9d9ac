import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { AdminQuoteAttachmentDeleteResponse } from "@fieldservice/contract"
import { QUOTES_MODULE, type QuotesModuleService } from "../../../../../../modules/quotes"
import { adminQuoteResponse, quoteNotFound } from "../../../../../../queries/quotes"
import { removeQuoteAttachmentWorkflow } from "../../../../../../workflows/quotes/quote-attachments"
import { sendQuoteAttachment } from "../../../../../utils/quote-attachments"

/** A file of any version of the quote, its draft's too, streamed from private storage for staff. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const quotes: QuotesModuleService = req.scope.resolve(QUOTES_MODULE)
  const [quote] = await quotes.listQuotes({ id: req.params.id }, { relations: ["versions"], take: 1 })
  if (!quote) throw quoteNotFound(req.params.id)
  await sendQuoteAttachment(req.scope, res, quote, req.params.attachment_id, "staff")
}

/** Staff take a file off the draft (a sent version's files stay); `parent` is the quote page as it now is. */
export async function DELETE(req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminQuoteAttachmentDeleteResponse>) {
  const { id, attachment_id } = req.params
  await removeQuoteAttachmentWorkflow(req.scope).run({ input: { quote_id: id, attachment_id } })
  res.json({ id: attachment_id, object: "quote_attachment", deleted: true, parent: await adminQuoteResponse(req.scope, id) })
}
