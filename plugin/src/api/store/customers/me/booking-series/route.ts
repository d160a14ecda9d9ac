import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { ErrorResponse, StoreBookingSeriesListResponse, StoreBookingSeriesResponse } from "@fieldservice/contract"
import { listCustomerSeries } from "../../../../../queries/booking-series"
import { bookSeriesVisits } from "../../../../../workflows/booking-series/book-series-visits"
import { createBookingSeriesWorkflow } from "../../../../../workflows/booking-series/create-booking-series"
import { answerConflictError } from "../../../../utils/errors"
import { answerSeries } from "./helpers"
import type { StoreCreateBookingSeriesType } from "./validators"

/** My repeat visits: every series, newest first, each with its next visits. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse<StoreBookingSeriesListResponse>) {
  res.json({ booking_series: await listCustomerSeries(req.scope, req.auth_context.actor_id) })
}

/**
 * Book a visit that repeats: the first visit is booked as a single booking is (409 when its window
 * was just taken, and then nothing is written), then the visits up to 8 weeks ahead. Paid on the day.
 */
export async function POST(req: AuthenticatedMedusaRequest<StoreCreateBookingSeriesType>, res: MedusaResponse<StoreBookingSeriesResponse | ErrorResponse>) {
  const customerId = req.auth_context.actor_id
  const channels = (req as unknown as { publishable_key_context?: { sales_channel_ids: string[] } }).publishable_key_context?.sales_channel_ids ?? []
  let seriesId: string
  try {
    const { result } = await createBookingSeriesWorkflow(req.scope).run({
      input: {
        ...req.validatedBody,
        customer_id: customerId,
        sales_channel_id: channels[0] ?? null,
        by: "customer",
        actor: { type: "customer", id: customerId },
      },
    })
    seriesId = result.series.id
  } catch (error) {
    if (answerConflictError(res, error)) return
    throw error
  }
  await bookSeriesVisits(req.scope, { series_ids: [seriesId] })
  await answerSeries(req.scope, res, customerId, seriesId, 201)
}
