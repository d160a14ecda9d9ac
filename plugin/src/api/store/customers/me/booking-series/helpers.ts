import type { MedusaContainer } from "@medusajs/framework/types"
import type { MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import type { ErrorResponse, StoreBookingSeriesResponse } from "@fieldservice/contract"
import { BOOKING_SERIES_MODULE, type BookingSeriesModuleService, type SeriesRecord } from "../../../../../modules/booking-series"
import { loadCustomerSeries } from "../../../../../queries/booking-series"
import { answerConflictError } from "../../../../utils/errors"

/** The customer's own series; anyone else's is "not found". */
export async function ownSeries(scope: MedusaContainer, customerId: string, id: string): Promise<SeriesRecord> {
  const seriesModule: BookingSeriesModuleService = scope.resolve(BOOKING_SERIES_MODULE)
  const series = await seriesModule.findOwnSeries(customerId, id)
  if (!series) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Repeat visits ${id} were not found`)
  return series
}

/** Answers with the series as its page shows it. */
export async function answerSeries(
  scope: MedusaContainer,
  res: MedusaResponse<StoreBookingSeriesResponse | ErrorResponse>,
  customerId: string,
  id: string,
  status = 200
) {
  const series = await loadCustomerSeries(scope, customerId, id)
  if (!series) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Repeat visits ${id} were not found`)
  res.status(status).json({ booking_series: series })
}

/** Runs a change to the customer's own series, answering its conflicts (cut-off, ended, a window just taken) with their own words. */
export async function changingSeries(
  scope: MedusaContainer,
  res: MedusaResponse<StoreBookingSeriesResponse | ErrorResponse>,
  customerId: string,
  id: string,
  change: (series: SeriesRecord) => Promise<string | void>
) {
  const series = await ownSeries(scope, customerId, id)
  try {
    const next = await change(series)
    await answerSeries(scope, res, customerId, next || id)
  } catch (error) {
    if (answerConflictError(res, error)) return
    throw error
  }
}
