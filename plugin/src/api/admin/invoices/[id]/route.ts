import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { AdminInvoiceResponse } from "@fieldservice/contract"
import { loadInvoice } from "../../../../queries/invoices"

export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminInvoiceResponse>) {
  res.json({ invoice: await loadInvoice(req.scope, req.params.id) })
}
