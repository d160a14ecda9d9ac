import { endSeries } from "../../../../../../../workflows/booking-series/manage-booking-series"
import type { AdminEndBookingSeriesType } from "../../../../validators"
import { staffSeriesAction } from "../../helpers"

/** Staff end the series from a date (today when left out): the visits booked from then are cancelled. */
export const POST = staffSeriesAction<AdminEndBookingSeriesType>(async (req, series, who) => {
  await endSeries(req.scope, series, req.validatedBody.from ?? null, who)
})
