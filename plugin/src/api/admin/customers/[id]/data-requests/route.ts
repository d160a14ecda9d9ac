import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { DATA_REQUESTS_MODULE, type DataRequestsModuleService } from "../../../../../modules/data-requests"
import { presentExport } from "../../../../utils/data-requests"
import type { AdminDataRequestListResponse } from "@fieldservice/contract"
import { isoDate } from "../../../../../utils/json-dates"

/** The customer's data requests for the customer page: exports (newest first) and erasures. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminDataRequestListResponse>) {
  const requests: DataRequestsModuleService = req.scope.resolve(DATA_REQUESTS_MODULE)
  const [exportRows, erasures] = await Promise.all([
    requests.listDataExports({ customer_id: req.params.id }, { order: { created_at: "DESC" }, take: 10 }),
    requests.listDataErasures({ customer_id: req.params.id }, { order: { created_at: "DESC" } }),
  ])
  res.json({
    data_exports: exportRows.map((row) => presentExport(row, "staff")),
    erasures: erasures.map(({ id, actor, created_at, summary, pending_file_keys }) => ({
      id,
      erased_by: actor,
      erased_at: isoDate(created_at),
      // Medusa types a json column as Record<string, unknown>; the erasure writes counts.
      summary: summary as Record<string, number>,
      files_pending: Array.isArray(pending_file_keys) ? pending_file_keys.length : 0,
    })),
  })
}
