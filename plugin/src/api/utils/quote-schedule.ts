import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { ErrorResponse, StoreBookingResponse } from "@fieldservice/contract"
import { scheduleQuoteWorkflow } from "../../workflows/quotes/schedule-quote"
import { requestActor } from "./activity-actor"
import type { QuoteScheduleType } from "./common-validators/quote-schedule"
import { answerPlacedBooking } from "./place-booking"

export type { QuoteScheduleType }

/**
 * Books the visit and answers as booking does: 201 with the booking, 202 when the bank wants the
 * customer to confirm the card first, 409 in words when the quote isn't accepted or was already
 * booked or the time was just taken, 402 for a declined card. `customerId` is null for staff.
 */
export async function scheduleQuoteAndAnswer(
  req: MedusaRequest<QuoteScheduleType>,
  res: MedusaResponse<StoreBookingResponse | ErrorResponse>,
  customerId: string | null
) {
  const channels = (req as unknown as { publishable_key_context?: { sales_channel_ids: string[] } }).publishable_key_context?.sales_channel_ids ?? []
  const body = req.validatedBody
  const input = {
    ...body,
    quote_id: req.params.id,
    customer_id: customerId,
    sales_channel_id: channels[0] ?? null,
    actor: customerId ? null : await requestActor(req),
  }
  await answerPlacedBooking(req.scope, res, !!body.saved_card_id, async () => (await scheduleQuoteWorkflow(req.scope).run({ input })).result)
}
