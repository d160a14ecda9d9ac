import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { ErrorResponse, StoreBookingResponse } from "@fieldservice/contract"
import { type QuoteScheduleType, scheduleQuoteAndAnswer } from "../../../../utils/quote-schedule"

/** "Schedule visit" on an accepted quote's page: staff book it for the customer (inside the lead time if need be). */
export async function POST(req: AuthenticatedMedusaRequest<QuoteScheduleType>, res: MedusaResponse<StoreBookingResponse | ErrorResponse>) {
  await scheduleQuoteAndAnswer(req, res, null)
}
