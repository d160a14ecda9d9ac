import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { ErrorResponse, StoreBookingSeriesResponse } from "@fieldservice/contract"
import { skipSeriesVisit } from "../../../../../../../workflows/booking-series/manage-booking-series"
import { changingSeries } from "../../helpers"
import type { StoreSkipSeriesVisitType } from "../../validators"

/** Skip one visit (cancelled if booked, before the cancellation cut-off); the office is emailed. */
export async function POST(req: AuthenticatedMedusaRequest<StoreSkipSeriesVisitType>, res: MedusaResponse<StoreBookingSeriesResponse | ErrorResponse>) {
  const customerId = req.auth_context.actor_id
  await changingSeries(req.scope, res, customerId, req.params.id, async (series) => {
    await skipSeriesVisit(req.scope, series, req.validatedBody.date, { by: "customer", actor: { type: "customer", id: customerId } })
  })
}
