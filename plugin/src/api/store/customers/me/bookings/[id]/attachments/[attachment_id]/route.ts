import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { removeBookingAttachmentWorkflow } from "../../../../../../../../workflows/booking/remove-booking-attachment"
import { answeringConflicts } from "../../../helpers"
import { sendAttachment } from "../../../../../../../utils/booking-attachments"
import type { ErrorResponse, StoreBookingAttachmentDeleteResponse } from "@fieldservice/contract"

/** The file itself, streamed from private storage, for the customer whose booking it is. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  await sendAttachment(req.scope, res, { booking_id: req.params.id, attachment_id: req.params.attachment_id, customer_id: req.auth_context.actor_id })
}

/** Remove a file the customer added (staff's files stay). */
export async function DELETE(req: AuthenticatedMedusaRequest, res: MedusaResponse<StoreBookingAttachmentDeleteResponse | ErrorResponse>) {
  await answeringConflicts(res, async () => {
    await removeBookingAttachmentWorkflow(req.scope).run({
      input: { customer_id: req.auth_context.actor_id, booking_id: req.params.id, attachment_id: req.params.attachment_id },
    })
    res.json({ id: req.params.attachment_id, object: "booking_attachment", deleted: true })
  })
}
