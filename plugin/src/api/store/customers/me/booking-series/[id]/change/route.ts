import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { ErrorResponse, StoreBookingSeriesResponse } from "@fieldservice/contract"
import { bookSeriesVisits } from "../../../../../../../workflows/booking-series/book-series-visits"
import { changeSeries } from "../../../../../../../workflows/booking-series/manage-booking-series"
import { changingSeries } from "../../helpers"
import type { StoreChangeBookingSeriesType } from "../../validators"

/** Change the time, frequency or option from a date on: answers with the series that continues from then. */
export async function POST(req: AuthenticatedMedusaRequest<StoreChangeBookingSeriesType>, res: MedusaResponse<StoreBookingSeriesResponse | ErrorResponse>) {
  const customerId = req.auth_context.actor_id
  await changingSeries(req.scope, res, customerId, req.params.id, async (series) => {
    const next = await changeSeries(req.scope, series, req.validatedBody, { by: "customer", actor: { type: "customer", id: customerId } })
    await bookSeriesVisits(req.scope, { series_ids: [next.id] })
    return next.id
  })
}
