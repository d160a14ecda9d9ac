import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { staffAddBookingAttachmentWorkflow } from "../../../../../workflows/booking/staff-add-booking-attachment"
import type { AttachmentUploadRequest } from "../../../../utils/attachment-upload"
import { answerBookingChange } from "../../helpers"
import type { AdminBookingResponse, ErrorResponse } from "@fieldservice/contract"

/**
 * Staff add a photo or PDF to a booking (multipart "file", checked by content, at most 10 MB; the
 * same file twice is refused), answering 201 with the booking and its files.
 */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminBookingResponse | ErrorResponse>) {
  const file = (req as unknown as AttachmentUploadRequest).uploadedAttachment
  await answerBookingChange(req, res, (actor) => staffAddBookingAttachmentWorkflow(req.scope).run({ input: { booking_id: req.params.id, file, actor } }), {
    status: 201,
  })
}
