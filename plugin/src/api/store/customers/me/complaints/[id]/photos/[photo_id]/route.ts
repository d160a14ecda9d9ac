import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { sendComplaintPhoto } from "../../../../../../../utils/complaint-photos"

/** A photo of the customer's own complaint, streamed from private storage. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  await sendComplaintPhoto(req.scope, res, req.params.id, req.params.photo_id, req.auth_context.actor_id)
}
