import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { updateBookingDetailsWorkflow } from "../../../../../../workflows/booking/update-booking-details"
import { answeringConflicts, loadCustomerBooking } from "../helpers"
import type { StoreUpdateBookingType } from "./validators"
import type { ErrorResponse, StoreManagedBookingResponse } from "@fieldservice/contract"

/** One of the customer's bookings, with its files and what can still be changed; anyone else's is "not found". */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse<StoreManagedBookingResponse>) {
  res.json(await loadCustomerBooking(req.scope, req.auth_context.actor_id, req.params.id))
}

/** Contact details and/or job notes of an upcoming booking. */
export async function POST(req: AuthenticatedMedusaRequest<StoreUpdateBookingType>, res: MedusaResponse<StoreManagedBookingResponse | ErrorResponse>) {
  const customerId = req.auth_context.actor_id
  await answeringConflicts(res, async () => {
    const { contact, instructions } = req.validatedBody
    await updateBookingDetailsWorkflow(req.scope).run({
      input: {
        customer_id: customerId,
        booking_id: req.params.id,
        contact: contact ? { name: contact.name, email: contact.email, phone: contact.phone ?? null } : undefined,
        instructions,
      },
    })
    res.json(await loadCustomerBooking(req.scope, customerId, req.params.id))
  })
}
