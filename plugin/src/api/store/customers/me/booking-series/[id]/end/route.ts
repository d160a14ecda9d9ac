import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { ErrorResponse, StoreBookingSeriesResponse } from "@fieldservice/contract"
import { endSeries } from "../../../../../../../workflows/booking-series/manage-booking-series"
import { changingSeries } from "../../helpers"
import type { StoreEndBookingSeriesType } from "../../validators"

/** End the repeat visits from a date (today when left out): visits booked from then are cancelled (before the cut-off). */
export async function POST(req: AuthenticatedMedusaRequest<StoreEndBookingSeriesType>, res: MedusaResponse<StoreBookingSeriesResponse | ErrorResponse>) {
  const customerId = req.auth_context.actor_id
  await changingSeries(req.scope, res, customerId, req.params.id, async (series) => {
    await endSeries(req.scope, series, req.validatedBody.from ?? null, { by: "customer", actor: { type: "customer", id: customerId } })
  })
}
