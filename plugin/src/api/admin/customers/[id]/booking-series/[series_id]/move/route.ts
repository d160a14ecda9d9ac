import { moveSeriesVisit } from "../../../../../../../workflows/booking-series/manage-booking-series"
import type { AdminMoveSeriesVisitType } from "../../../../validators"
import { staffSeriesAction } from "../../helpers"

/** Staff move one booked visit to another window of the service, as the schedule board moves a visit (409 when it was just taken). */
export const POST = staffSeriesAction<AdminMoveSeriesVisitType>(async (req, series, who) => {
  await moveSeriesVisit(req.scope, series, req.validatedBody.date, req.validatedBody.starts_at, who)
})
