import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { AdminInvoiceListResponse } from "@fieldservice/contract"
import { listInvoicePage } from "./helpers"
import type { AdminGetInvoicesParamsType } from "./validators"

/** The staff Invoices page: filtered by status, overdue, customer, issue dates and amount; sorted and paged. */
export async function GET(req: AuthenticatedMedusaRequest<unknown, AdminGetInvoicesParamsType>, res: MedusaResponse<AdminInvoiceListResponse>) {
  res.json(await listInvoicePage(req.scope, req.validatedQuery))
}
