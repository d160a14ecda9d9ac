import { bookSeriesVisits } from "../../../../../../../workflows/booking-series/book-series-visits"
import { changeSeries } from "../../../../../../../workflows/booking-series/manage-booking-series"
import type { AdminChangeBookingSeriesType } from "../../../../validators"
import { staffSeriesAction } from "../../helpers"

/** Staff change the time, frequency or option from a date on: answers with the series that continues from then. */
export const POST = staffSeriesAction<AdminChangeBookingSeriesType>(async (req, series, who) => {
  const next = await changeSeries(req.scope, series, req.validatedBody, who)
  await bookSeriesVisits(req.scope, { series_ids: [next.id] })
  return next.id
})
