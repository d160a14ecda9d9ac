import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { DATA_REQUESTS_MODULE, type DataRequestsModuleService } from "../../../../../../modules/data-requests"
import { presentExport } from "../../../../../utils/data-requests"
import type { StoreDataExportResponse } from "@fieldservice/contract"

/** One of the customer's own requests (for the emailed link's page); anyone else's is "not found". */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse<StoreDataExportResponse>) {
  const requests: DataRequestsModuleService = req.scope.resolve(DATA_REQUESTS_MODULE)
  const [row] = await requests.listDataExports({ id: req.params.id, customer_id: req.auth_context.actor_id }, { take: 1 })
  if (!row) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Data export ${req.params.id} was not found`)
  res.json({ data_export: presentExport(row, "customer") })
}
