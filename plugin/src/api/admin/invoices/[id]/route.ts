import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { invoiceResponse } from "../helpers"
import type { AdminInvoiceResponse } from "@fieldservice/contract"

export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminInvoiceResponse>) {
  res.json(await invoiceResponse(req.scope, req.params.id))
}
