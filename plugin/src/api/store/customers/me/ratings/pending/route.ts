import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { StorePendingRatingsResponse } from "@fieldservice/contract"
import { pendingRatings } from "../../../../../utils/ratings"

/** The customer's completed visits still waiting for a rating within their 14 days, newest first ("How was your visit? Rate it"). */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse<StorePendingRatingsResponse>) {
  res.json({ pending: await pendingRatings(req.scope, req.auth_context.actor_id, new Date()) })
}
