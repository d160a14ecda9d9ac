import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { AdminQuoteResponse } from "@fieldservice/contract"
import { adminQuoteResponse } from "../../../../../queries/quotes"
import { addQuoteAttachmentWorkflow } from "../../../../../workflows/quotes/quote-attachments"
import type { AttachmentUploadRequest } from "../../../../utils/attachment-upload"

/**
 * Staff add a photo or PDF to the quote's draft (multipart "file", checked by content, at most
 * 10 MB; the same file twice, or a quote with no draft, is refused), answering 201 with the quote page.
 */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminQuoteResponse>) {
  const file = (req as unknown as AttachmentUploadRequest).uploadedAttachment
  await addQuoteAttachmentWorkflow(req.scope).run({ input: { quote_id: req.params.id, file } })
  res.status(201).json(await adminQuoteResponse(req.scope, req.params.id))
}
