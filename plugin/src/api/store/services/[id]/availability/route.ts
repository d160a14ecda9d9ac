import type { MedusaResponse, MedusaStoreRequest } from "@medusajs/framework/http"
import { SERVICES_MODULE, type ServicesModuleService } from "../../../../../modules/services"
import { zonedTime } from "../../../../../modules/services/time-zone"
import { retrievePortalService } from "../../../../utils/service-response"
import type { StoreServiceAvailabilityType } from "../../../../utils/service-validators"

/** Free arrival windows for the next `days` days (from `from`, a date in the business's time zone). */
export async function GET(req: MedusaStoreRequest<unknown, StoreServiceAvailabilityType>, res: MedusaResponse) {
  const services: ServicesModuleService = req.scope.resolve(SERVICES_MODULE)
  const service = await retrievePortalService(req.scope, req.params.id, req.publishable_key_context?.sales_channel_ids ?? [])
  const { from, days } = req.validatedQuery
  const start = from
    ? zonedTime({ year: Number(from.slice(0, 4)), month: Number(from.slice(5, 7)), day: Number(from.slice(8, 10)) }, 0, services.timeZone)
    : new Date()
  const end = new Date(start.getTime() + days * 24 * 60 * 60 * 1000)
  const windows = await services.freeWindows(service.id, start, end)
  res.json({
    time_zone: services.timeZone,
    windows: windows.map((window) => ({
      starts_at: window.starts_at.toISOString(),
      ends_at: window.ends_at.toISOString(),
      remaining: window.remaining,
    })),
  })
}
