import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { loadAdminBooking } from "../helpers"

/** One booking with its customer, fieldworker, order, contacts, dependents and attachments. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  res.json(await loadAdminBooking(req.scope, req.params.id))
}
