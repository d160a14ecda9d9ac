import type { MedusaResponse, MedusaStoreRequest } from "@medusajs/framework/http"
import { listFreeWindows } from "../../../../utils/free-windows"
import { retrievePortalService } from "../../../../utils/service-response"
import type { StoreGetServiceAvailabilityParamsType } from "../../validators"
import type { StoreAvailabilityResponse } from "@fieldservice/contract"

/** Free arrival windows for `days` days of the business's calendar: from `from` (a date), else from now to the end of the last day. */
export async function GET(req: MedusaStoreRequest<unknown, StoreGetServiceAvailabilityParamsType>, res: MedusaResponse<StoreAvailabilityResponse>) {
  const service = await retrievePortalService(req.scope, req.params.id, req.publishable_key_context?.sales_channel_ids ?? [])
  res.json(await listFreeWindows(req.scope, service.id, req.validatedQuery, "customer"))
}
