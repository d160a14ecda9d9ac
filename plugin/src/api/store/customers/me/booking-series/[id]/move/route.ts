import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { ErrorResponse, StoreBookingSeriesResponse } from "@fieldservice/contract"
import { moveSeriesVisit } from "../../../../../../../workflows/booking-series/manage-booking-series"
import { changingSeries } from "../../helpers"
import type { StoreMoveSeriesVisitType } from "../../validators"

/** Move one booked visit to another free window, as a single booking moves (the reschedule cut-off; 409 when the window was just taken). */
export async function POST(req: AuthenticatedMedusaRequest<StoreMoveSeriesVisitType>, res: MedusaResponse<StoreBookingSeriesResponse | ErrorResponse>) {
  const customerId = req.auth_context.actor_id
  await changingSeries(req.scope, res, customerId, req.params.id, async (series) => {
    await moveSeriesVisit(req.scope, series, req.validatedBody.date, req.validatedBody.starts_at, {
      by: "customer",
      actor: { type: "customer", id: customerId },
    })
  })
}
