import { skipSeriesVisit } from "../../../../../../../workflows/booking-series/manage-booking-series"
import type { AdminSkipSeriesVisitType } from "../../../../validators"
import { staffSeriesAction } from "../../helpers"

/** Staff skip one visit (cancelled if booked, whatever the cut-off); the customer and office are emailed. */
export const POST = staffSeriesAction<AdminSkipSeriesVisitType>(async (req, series, who) => {
  await skipSeriesVisit(req.scope, series, req.validatedBody.date, who)
})
