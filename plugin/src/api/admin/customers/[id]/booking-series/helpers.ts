import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { AdminBookingSeriesResponse, ErrorResponse } from "@fieldservice/contract"
import type { SeriesRecord } from "../../../../../modules/booking-series"
import type { SeriesChanger } from "../../../../../workflows/booking-series/manage-booking-series"
import { requestActor } from "../../../../utils/activity-actor"
import { changingSeries } from "../../../../store/customers/me/booking-series/helpers"

type SeriesAction<Body> = (req: AuthenticatedMedusaRequest<Body>, series: SeriesRecord, who: SeriesChanger) => Promise<string | void>

/**
 * A staff change to one of the customer's series (`/admin/customers/:id/booking-series/:series_id/…`):
 * another customer's series is "not found"; the staff member is the actor in the customer's
 * history, no customer cut-off applies, and the answer is the series (or the one that continues it).
 */
export function staffSeriesAction<Body>(action: SeriesAction<Body>) {
  return async (req: AuthenticatedMedusaRequest<Body>, res: MedusaResponse<AdminBookingSeriesResponse | ErrorResponse>) => {
    const who: SeriesChanger = { by: "staff", actor: await requestActor(req) }
    await changingSeries(req.scope, res, req.params.id, req.params.series_id, (series) => action(req, series, who))
  }
}
