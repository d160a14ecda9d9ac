import type { MedusaResponse, MedusaStoreRequest } from "@medusajs/framework/http"
import { retrievePortalService } from "../../../utils/service-response"
import type { StoreServiceResponse } from "@fieldservice/contract"

/** One service (by id or handle) with its options and prices. */
export async function GET(req: MedusaStoreRequest, res: MedusaResponse<StoreServiceResponse>) {
  const channels = req.publishable_key_context?.sales_channel_ids ?? []
  res.json({ service: await retrievePortalService(req.scope, req.params.id, channels) })
}
