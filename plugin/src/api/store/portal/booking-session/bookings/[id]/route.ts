import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { StoreManagedBookingResponse } from "@fieldservice/contract"
import { loadSessionBooking } from "../../helpers"

/** A booking made with the session's email, with what can still be changed; any other is "not found". */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse<StoreManagedBookingResponse>) {
  res.json(await loadSessionBooking(req, req.params.id))
}
