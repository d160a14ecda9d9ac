import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { requestDataExportWorkflow } from "../../../../../workflows/data-requests/request-export"
import { requestActor } from "../../../../utils/activity-actor"
import { presentExport } from "../../../../utils/data-requests"
import type { AdminDataExportResponse } from "@fieldservice/contract"

/**
 * Customer page → "Download data" (to answer an access request): answers 202 at once; the ZIP is
 * made in the background, emailed as a link to the staff member and downloadable from the page.
 */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminDataExportResponse>) {
  const { result } = await requestDataExportWorkflow(req.scope).run({ input: { customer_id: req.params.id, actor: await requestActor(req) } })
  res.status(202).json({ data_export: presentExport(result, "staff") })
}
