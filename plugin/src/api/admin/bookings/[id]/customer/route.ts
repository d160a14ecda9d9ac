import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { linkBookingToCustomerWorkflow } from "../../../../../workflows/booking/link-booking-customer"
import { answerBookingChange } from "../../helpers"
import type { AdminLinkBookingCustomerType } from "../../validators"
import type { AdminBookingResponse, ErrorResponse } from "@fieldservice/contract"

/**
 * "Link to customer": a guest booking now belongs to this customer (404 for an unknown or deleted
 * customer, 409 "booking_has_customer" when the booking already belongs to someone).
 */
export async function POST(req: AuthenticatedMedusaRequest<AdminLinkBookingCustomerType>, res: MedusaResponse<AdminBookingResponse | ErrorResponse>) {
  await answerBookingChange(req, res, (actor) =>
    linkBookingToCustomerWorkflow(req.scope).run({ input: { booking_id: req.params.id, customer_id: req.validatedBody.customer_id, actor } })
  )
}
