import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { DATA_REQUESTS_MODULE, type DataRequestsModuleService } from "../../../../modules/data-requests"
import { EXPORT_NOT_AVAILABLE, sendExportFile } from "../../../utils/data-requests"
import { type StoreGetDataExportDownloadParamsType } from "../validators"

const TOKEN = /^[A-Za-z0-9_-]{20,100}$/

/**
 * The emailed link's download (`?export=<id>&token=<token>`): the customer's own export, signed in,
 * with the link's token, once, within 7 days. Anything else (signed out, another customer, a
 * missing, wrong, used or expired token) answers the same 404, so the answer tells nothing about
 * the export. The export's id travels in the query with its token: together they are the link.
 */
export async function GET(req: AuthenticatedMedusaRequest<unknown, StoreGetDataExportDownloadParamsType>, res: MedusaResponse) {
  const customerId = req.auth_context?.actor_type === "customer" ? req.auth_context.actor_id : ""
  const { export: exportId, token } = req.validatedQuery as StoreGetDataExportDownloadParamsType
  const requests: DataRequestsModuleService = req.scope.resolve(DATA_REQUESTS_MODULE)
  const download =
    customerId && exportId && token && TOKEN.test(token) ? await requests.consumeCustomerDownload({ id: exportId, customer_id: customerId, token }) : null
  if (!download) {
    res.status(404).json({ type: "not_found", message: EXPORT_NOT_AVAILABLE })
    return
  }
  await sendExportFile(req.scope, res, download, "my-data")
}
