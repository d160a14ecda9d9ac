import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { sendComplaintPhoto } from "../../../../../utils/complaint-photos"

/** A photo of the complaint, streamed from private storage for staff. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  await sendComplaintPhoto(req.scope, res, req.params.id, req.params.photo_id)
}
