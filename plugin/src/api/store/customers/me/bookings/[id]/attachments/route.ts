import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { addBookingAttachmentWorkflow } from "../../../../../../../workflows/booking/add-booking-attachment"
import type { AttachmentUploadRequest } from "../../../../../../utils/attachment-upload"
import { answeringConflicts } from "../../helpers"
import { presentCustomerAttachment } from "../../../../../../utils/booking-record"
import type { ErrorResponse, StoreBookingAttachmentResponse } from "@fieldservice/contract"

/** Add a photo or PDF (multipart "file", checked by content, at most 10 MB). */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse<StoreBookingAttachmentResponse | ErrorResponse>) {
  const file = (req as unknown as AttachmentUploadRequest).uploadedAttachment
  await answeringConflicts(res, async () => {
    const { result } = await addBookingAttachmentWorkflow(req.scope).run({
      input: { customer_id: req.auth_context.actor_id, booking_id: req.params.id, file },
    })
    res.status(201).json({ attachment: presentCustomerAttachment(req.params.id, result) })
  })
}
