import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { ErrorResponse, StoreBookingResponse } from "@fieldservice/contract"
import { linkCustomer } from "../../../../../../utils/quote-routes"
import { type QuoteScheduleType, scheduleQuoteAndAnswer } from "../../../../../../utils/quote-schedule"

/** "Book a visit" through the emailed link: a time for the accepted quote at its own address, paid on the day. */
export async function POST(req: MedusaRequest<QuoteScheduleType>, res: MedusaResponse<StoreBookingResponse | ErrorResponse>) {
  await scheduleQuoteAndAnswer(req, res, linkCustomer(req))
}
