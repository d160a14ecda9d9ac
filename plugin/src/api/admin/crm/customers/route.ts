import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { AdminCustomerDirectoryItem, AdminCustomerDirectoryListResponse } from "@fieldservice/contract"
import { isoDate, isoDateOrNull } from "../../../../utils/json-dates"
import { CUSTOMER_DIRECTORY_MODULE, type CustomerDirectoryModuleService } from "../../../../modules/customer-directory"
import type { DirectoryRow } from "../../../../modules/customer-directory/service"
import { type AdminGetDirectoryParamsType, directoryFilters } from "./validators"

/** The customer directory: search as you type, filters, order and a page. */
export async function GET(req: AuthenticatedMedusaRequest<unknown, AdminGetDirectoryParamsType>, res: MedusaResponse<AdminCustomerDirectoryListResponse>) {
  const query = req.validatedQuery as AdminGetDirectoryParamsType
  const directory: CustomerDirectoryModuleService = req.scope.resolve(CUSTOMER_DIRECTORY_MODULE)
  const filters = await directoryFilters(query, req.scope)
  const { rows, count, count_capped } = await directory.searchDirectory(filters, {
    limit: query.limit,
    offset: query.offset,
    order: query.order,
  })
  res.json({ customers: rows.map(presentRow), count, count_capped, limit: query.limit, offset: query.offset })
}

/** The row as read, its dates as the JSON has always sent them. */
const presentRow = (row: DirectoryRow): AdminCustomerDirectoryItem => ({
  ...row,
  created_at: isoDate(row.created_at),
  deleted_at: isoDateOrNull(row.deleted_at),
  last_booking_at: isoDateOrNull(row.last_booking_at),
  next_booking_at: isoDateOrNull(row.next_booking_at),
  open_invoice_due_at: isoDateOrNull(row.open_invoice_due_at),
})
