import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { CUSTOMER_DIRECTORY_MODULE, type CustomerDirectoryModuleService } from "../../../../modules/customer-directory"
import { type AdminGetDirectoryParamsType, directoryFilters } from "./validators"

/** The customer directory: search as you type, filters, order and a page. */
export async function GET(req: AuthenticatedMedusaRequest<unknown, AdminGetDirectoryParamsType>, res: MedusaResponse) {
  const query = req.validatedQuery as AdminGetDirectoryParamsType
  const directory: CustomerDirectoryModuleService = req.scope.resolve(CUSTOMER_DIRECTORY_MODULE)
  const filters = await directoryFilters(query, req.scope)
  const { rows, count, count_capped } = await directory.searchDirectory(filters, {
    limit: query.limit,
    offset: query.offset,
    order: query.order,
  })
  res.json({ customers: rows, count, count_capped, limit: query.limit, offset: query.offset })
}
