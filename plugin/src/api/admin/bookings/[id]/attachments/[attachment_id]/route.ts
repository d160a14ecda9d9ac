import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { staffRemoveBookingAttachmentWorkflow } from "../../../../../../workflows/booking/staff-remove-booking-attachment"
import { sendAttachment } from "../../../../../utils/booking-attachments"
import { answerConflictError } from "../../../../../utils/errors"
import { requestActor } from "../../../../../utils/activity-actor"
import { loadAdminBooking } from "../../../helpers"
import type { AdminBookingAttachmentDeleteResponse, ErrorResponse } from "@fieldservice/contract"

/** A file on a booking, streamed from private storage for staff (a removed one is gone for them too). */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  await sendAttachment(req.scope, res, { booking_id: req.params.id, attachment_id: req.params.attachment_id })
}

/** Staff remove a file, whoever added it; the stored file is deleted too. `parent` is the booking as it is now. */
export async function DELETE(req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminBookingAttachmentDeleteResponse | ErrorResponse>) {
  const { id, attachment_id } = req.params
  try {
    await staffRemoveBookingAttachmentWorkflow(req.scope).run({ input: { booking_id: id, attachment_id, actor: await requestActor(req) } })
  } catch (error) {
    if (answerConflictError(res, error)) return
    throw error
  }
  const { booking } = await loadAdminBooking(req.scope, id)
  res.json({ id: attachment_id, object: "booking_attachment", deleted: true, parent: booking })
}
