import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { sendRatingPhoto } from "../../../../../../../../utils/ratings"

/** The photo itself, streamed from private storage, for the customer whose rating it is. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  await sendRatingPhoto(req.scope, res, { booking_id: req.params.id, photo_id: req.params.photo_id, customer_id: req.auth_context.actor_id })
}
