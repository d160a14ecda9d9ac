import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { ErrorResponse, StoreBookingSeriesResponse } from "@fieldservice/contract"
import { pauseSeries } from "../../../../../../../workflows/booking-series/manage-booking-series"
import { changingSeries } from "../../helpers"
import type { StorePauseBookingSeriesType } from "../../validators"

/** Pause for a period: visits in it are cancelled (before the cut-off) and none booked; the office is emailed. */
export async function POST(req: AuthenticatedMedusaRequest<StorePauseBookingSeriesType>, res: MedusaResponse<StoreBookingSeriesResponse | ErrorResponse>) {
  const customerId = req.auth_context.actor_id
  await changingSeries(req.scope, res, customerId, req.params.id, async (series) => {
    await pauseSeries(req.scope, series, req.validatedBody, { by: "customer", actor: { type: "customer", id: customerId } })
  })
}
