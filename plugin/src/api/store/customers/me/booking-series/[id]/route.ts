import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { ErrorResponse, StoreBookingSeriesResponse } from "@fieldservice/contract"
import { answerSeries } from "../helpers"

/** One of my repeat visits: the series and each date up to 8 weeks ahead (booked, skipped, paused…). */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse<StoreBookingSeriesResponse | ErrorResponse>) {
  await answerSeries(req.scope, res, req.auth_context.actor_id, req.params.id)
}
