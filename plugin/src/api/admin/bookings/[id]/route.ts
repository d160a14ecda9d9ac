import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { loadAdminBooking } from "../helpers"
import type { AdminBookingResponse } from "@fieldservice/contract"

/** One booking with its customer, fieldworker, order, contacts, dependents and attachments. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminBookingResponse>) {
  res.json(await loadAdminBooking(req.scope, req.params.id))
}
