import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { retrievePortalService } from "../../../utils/service-response"
import type { AdminServiceDetailResponse } from "@fieldservice/contract"

/** One bookable service (by id or handle) with its options and their prices, cheapest first. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminServiceDetailResponse>) {
  res.json({ service: await retrievePortalService(req.scope, req.params.id, []) })
}
