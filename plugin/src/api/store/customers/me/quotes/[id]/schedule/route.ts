import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { ErrorResponse, StoreBookingResponse } from "@fieldservice/contract"
import { type QuoteScheduleType, scheduleQuoteAndAnswer } from "../../../../../../utils/quote-schedule"

/** "Book a visit" from the customer's accepted quote: its lines at the quoted prices, in an arrival window they choose. */
export async function POST(req: AuthenticatedMedusaRequest<QuoteScheduleType>, res: MedusaResponse<StoreBookingResponse | ErrorResponse>) {
  await scheduleQuoteAndAnswer(req, res, req.auth_context.actor_id)
}
