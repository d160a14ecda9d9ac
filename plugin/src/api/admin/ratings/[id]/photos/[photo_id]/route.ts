import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { sendRatingPhoto } from "../../../../../utils/ratings"

/** A rating's photo, streamed from private storage for staff. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  await sendRatingPhoto(req.scope, res, { rating_id: req.params.id, photo_id: req.params.photo_id })
}
