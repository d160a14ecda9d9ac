import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { StoreBookingPriceResponse } from "@fieldservice/contract"
import { previewBookingPriceWorkflow } from "../../../../../workflows/booking/preview-booking-price"
import type { StoreBookingPriceType } from "../bookings/validators"

/**
 * What the booking on the review step will cost: its lines, tax and total, priced by the same cart
 * placing it builds, so the order says the same. A location or business profile that isn't the
 * customer's is 404; a choice that can't be booked is 400 with the reason, as placing it would say.
 * (Not under bookings/: that folder's `:id` routes would take "price" for a booking id.)
 */
export async function POST(req: AuthenticatedMedusaRequest<StoreBookingPriceType>, res: MedusaResponse<StoreBookingPriceResponse>) {
  const channels = (req as unknown as { publishable_key_context?: { sales_channel_ids: string[] } }).publishable_key_context?.sales_channel_ids ?? []
  const { result } = await previewBookingPriceWorkflow(req.scope).run({
    input: { ...req.validatedBody, customer_id: req.auth_context.actor_id, sales_channel_id: channels[0] ?? null },
  })
  res.json({ price: result })
}
