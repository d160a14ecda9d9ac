import { pauseSeries } from "../../../../../../../workflows/booking-series/manage-booking-series"
import type { AdminPauseBookingSeriesType } from "../../../../validators"
import { staffSeriesAction } from "../../helpers"

/** Staff pause the series for a period (both days included): the visits in it are cancelled and none booked. */
export const POST = staffSeriesAction<AdminPauseBookingSeriesType>(async (req, series, who) => {
  await pauseSeries(req.scope, series, req.validatedBody, who)
})
