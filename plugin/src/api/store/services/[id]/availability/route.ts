import type { MedusaResponse, MedusaStoreRequest } from "@medusajs/framework/http"
import { SERVICES_MODULE, type ServicesModuleService } from "../../../../../modules/services"
import { availabilityRange, readLocalDate } from "../../../../../modules/services/availability"
import { retrievePortalService } from "../../../../utils/service-response"
import type { StoreGetServiceAvailabilityParamsType } from "../../validators"
import type { StoreAvailabilityResponse } from "@fieldservice/contract"

/** Free arrival windows for `days` days of the business's calendar: from `from` (a date), else from now to the end of the last day. */
export async function GET(req: MedusaStoreRequest<unknown, StoreGetServiceAvailabilityParamsType>, res: MedusaResponse<StoreAvailabilityResponse>) {
  const services: ServicesModuleService = req.scope.resolve(SERVICES_MODULE)
  const service = await retrievePortalService(req.scope, req.params.id, req.publishable_key_context?.sales_channel_ids ?? [])
  const { from, days } = req.validatedQuery
  const now = new Date()
  const { start, end } = availabilityRange(from ? readLocalDate(from) : null, days, now, services.timeZone)
  const windows = await services.freeWindows(service.id, start, end, now)
  res.json({
    time_zone: services.timeZone,
    windows: windows.map((window) => ({
      starts_at: window.starts_at.toISOString(),
      ends_at: window.ends_at.toISOString(),
      remaining: window.remaining,
    })),
  })
}
