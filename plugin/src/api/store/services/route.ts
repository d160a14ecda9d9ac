import type { MedusaResponse, MedusaStoreRequest } from "@medusajs/framework/http"
import { listPortalServices } from "../../utils/service-response"
import type { StoreGetServicesParamsType } from "./validators"
import type { StoreServiceListResponse } from "@fieldservice/contract"

/** All services, with starting rates; `?postal_code=` keeps those offered there. */
export async function GET(req: MedusaStoreRequest<unknown, StoreGetServicesParamsType>, res: MedusaResponse<StoreServiceListResponse>) {
  const channels = req.publishable_key_context?.sales_channel_ids ?? []
  res.json({ services: await listPortalServices(req.scope, channels, req.validatedQuery.postal_code || undefined) })
}
