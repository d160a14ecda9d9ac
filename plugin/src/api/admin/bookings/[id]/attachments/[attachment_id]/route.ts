import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { sendAttachment } from "../../../../../utils/booking-attachments"

/** A file on a booking, streamed from private storage for staff (a removed one is gone for them too). */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  await sendAttachment(req.scope, res, { booking_id: req.params.id, attachment_id: req.params.attachment_id })
}
