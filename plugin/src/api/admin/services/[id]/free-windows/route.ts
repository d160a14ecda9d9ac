import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { retrievePortalService } from "../../../../utils/service-response"
import { listFreeWindows } from "../../../../utils/free-windows"
import type { AdminGetServiceFreeWindowsParamsType } from "../../validators"
import type { AdminFreeWindowsResponse } from "@fieldservice/contract"

/**
 * The service's arrival windows with room, for a booking staff take on the phone: the same
 * capacity as the portal's, without the customers' lead time (the office may book tomorrow morning).
 */
export async function GET(req: AuthenticatedMedusaRequest<unknown, AdminGetServiceFreeWindowsParamsType>, res: MedusaResponse<AdminFreeWindowsResponse>) {
  const service = await retrievePortalService(req.scope, req.params.id, [])
  res.json(await listFreeWindows(req.scope, service.id, req.validatedQuery, "staff"))
}
