import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { DATA_REQUESTS_MODULE, type DataRequestsModuleService } from "../../../../../modules/data-requests"
import { sendExportFile } from "../../../../utils/data-requests"

/** A ready export for staff (signed in to the admin), until it expires. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const requests: DataRequestsModuleService = req.scope.resolve(DATA_REQUESTS_MODULE)
  const download = await requests.findStaffDownload(req.params.id)
  if (!download) {
    res.status(404).json({ type: "not_found", message: "This export is not ready, or it has expired and its file was deleted. Request a new one." })
    return
  }
  await sendExportFile(req.scope, res, download, `customer-data-${download.customer_id}`)
}
