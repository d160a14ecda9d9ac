import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { loadSchedule } from "./helpers"
import type { AdminGetScheduleParamsType } from "./validators"
import type { AdminScheduleResponse } from "@fieldservice/contract"

/** The schedule board: visits by fieldworker over up to two weeks, by postcode area and service; with `fieldworker_id`, their day sheet. */
export async function GET(req: AuthenticatedMedusaRequest<unknown, AdminGetScheduleParamsType>, res: MedusaResponse<AdminScheduleResponse>) {
  res.json(await loadSchedule(req.scope, req.validatedQuery))
}
