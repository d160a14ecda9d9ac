import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { addBookingAttachmentWorkflow } from "../../../../../../../workflows/booking/add-booking-attachment"
import type { AttachmentUploadRequest } from "../../../../../../utils/attachment-upload"
import { answeringConflicts } from "../../helpers"
import { privateFileUrl } from "../../../../../../utils/private-files"

/** Add a photo or PDF (multipart "file", checked by content, at most 10 MB). */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const file = (req as unknown as AttachmentUploadRequest).uploadedAttachment
  await answeringConflicts(res, async () => {
    const { result } = await addBookingAttachmentWorkflow(req.scope).run({
      input: { customer_id: req.auth_context.actor_id, booking_id: req.params.id, file },
    })
    const { id, filename, mime_type, size_bytes, added_by, created_at } = result
    const url = privateFileUrl.attachment("customer", req.params.id, id)
    res.status(201).json({ attachment: { id, url, filename, mime_type, size_bytes, added_by, created_at } })
  })
}
