import { Modules } from "@medusajs/framework/utils"
import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { AdminBookingSeriesListResponse, AdminBookingSeriesResponse, ErrorResponse } from "@fieldservice/contract"
import { listCustomerSeries } from "../../../../../queries/booking-series"
import { bookSeriesVisits } from "../../../../../workflows/booking-series/book-series-visits"
import { createBookingSeriesWorkflow } from "../../../../../workflows/booking-series/create-booking-series"
import { requestActor } from "../../../../utils/activity-actor"
import { answerConflictError } from "../../../../utils/errors"
import { answerSeries } from "../../../../store/customers/me/booking-series/helpers"
import type { AdminCreateBookingSeriesType } from "../../validators"

/** The customer's repeat visits on their page: every series, newest first, each with its next visits. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminBookingSeriesListResponse>) {
  // An unknown customer is "not found", not a customer without repeat visits.
  await req.scope.resolve(Modules.CUSTOMER).retrieveCustomer(req.params.id, { select: ["id"] })
  res.json({ booking_series: await listCustomerSeries(req.scope, req.params.id) })
}

/**
 * Staff set up repeat visits for the customer (on the phone): the first visit is booked as a staff
 * booking is (the office's lead time; 409 when its window was just taken, nothing written), then
 * the visits up to 8 weeks ahead. Paid on the day; the customer is emailed.
 */
export async function POST(req: AuthenticatedMedusaRequest<AdminCreateBookingSeriesType>, res: MedusaResponse<AdminBookingSeriesResponse | ErrorResponse>) {
  const customerId = req.params.id
  let seriesId: string
  try {
    const { result } = await createBookingSeriesWorkflow(req.scope).run({
      input: { ...req.validatedBody, customer_id: customerId, sales_channel_id: null, by: "staff", actor: await requestActor(req) },
    })
    seriesId = result.series.id
  } catch (error) {
    if (answerConflictError(res, error)) return
    throw error
  }
  await bookSeriesVisits(req.scope, { series_ids: [seriesId] })
  await answerSeries(req.scope, res, customerId, seriesId, 201)
}
