import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { AdminBookingSeriesResponse, ErrorResponse } from "@fieldservice/contract"
import { answerSeries } from "../../../../../store/customers/me/booking-series/helpers"

/** One of the customer's series with each date up to 8 weeks ahead; another customer's is "not found". */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminBookingSeriesResponse | ErrorResponse>) {
  await answerSeries(req.scope, res, req.params.id, req.params.series_id)
}
