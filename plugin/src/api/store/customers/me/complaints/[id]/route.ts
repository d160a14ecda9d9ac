import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { StoreComplaintResponse } from "@fieldservice/contract"
import { storeComplaint } from "../../../../../../queries/complaints"

/** One of the customer's complaints; another customer's is a 404. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse<StoreComplaintResponse>) {
  res.json({ complaint: await storeComplaint(req.scope, req.auth_context.actor_id, req.params.id) })
}
