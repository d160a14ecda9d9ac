import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { DATA_REQUESTS_MODULE, type DataRequestsModuleService } from "../../../../../modules/data-requests"
import { requestDataExportWorkflow } from "../../../../../workflows/data-requests/request-export"
import { presentExport } from "../../../../utils/data-requests"
import type { StoreDataExportListResponse, StoreDataExportResponse } from "@fieldservice/contract"

/** The customer's latest requests for their data, newest first. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse<StoreDataExportListResponse>) {
  const requests: DataRequestsModuleService = req.scope.resolve(DATA_REQUESTS_MODULE)
  const rows = await requests.listDataExports({ customer_id: req.auth_context.actor_id }, { order: { created_at: "DESC" }, take: 5 })
  res.json({ data_exports: rows.map((row) => presentExport(row, "customer")) })
}

/**
 * My account → "Download my data": answers 202 at once; the ZIP is made in the background and a
 * link that works once, for 7 days, is emailed to the account email. Asking again while one is
 * being made answers with that one.
 */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse<StoreDataExportResponse>) {
  const customerId = req.auth_context.actor_id
  const { result } = await requestDataExportWorkflow(req.scope).run({ input: { customer_id: customerId, actor: { type: "customer", id: customerId } } })
  res.status(202).json({ data_export: presentExport(result, "customer") })
}
