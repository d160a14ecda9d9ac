import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { previewBookingPriceWorkflow } from "../../../../../workflows/booking/preview-booking-price"
import type { AdminBookingPriceType } from "../../../bookings/validators"
import type { AdminBookingPriceResponse } from "@fieldservice/contract"

/**
 * What a booking staff are taking for this customer will cost (lines, tax, total), priced by the
 * same cart placing it builds, as the portal's review step is. Another customer's location or
 * business profile is 404.
 */
export async function POST(req: AuthenticatedMedusaRequest<AdminBookingPriceType>, res: MedusaResponse<AdminBookingPriceResponse>) {
  const { result } = await previewBookingPriceWorkflow(req.scope).run({ input: { ...req.validatedBody, customer_id: req.params.id } })
  res.json({ price: result })
}
