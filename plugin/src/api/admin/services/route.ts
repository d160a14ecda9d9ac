import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { listPortalServices } from "../../utils/service-response"
import type { AdminGetServicesParamsType } from "./validators"
import type { AdminServiceListResponse } from "@fieldservice/contract"

/** Every published bookable service, in every sales channel, with its "from" price; `?postal_code=` keeps those offered there. */
export async function GET(req: AuthenticatedMedusaRequest<unknown, AdminGetServicesParamsType>, res: MedusaResponse<AdminServiceListResponse>) {
  res.json({ services: await listPortalServices(req.scope, [], req.validatedQuery.postal_code || undefined) })
}
