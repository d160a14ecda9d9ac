import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import type { StoreInvoiceResponse } from "@fieldservice/contract"
import { loadInvoice } from "../../../../../../queries/invoices"

/** An issued invoice the customer pays (their own, or one they are the bill payer of); anyone else's (or a draft) is not found. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse<StoreInvoiceResponse>) {
  const invoice = await loadInvoice(req.scope, req.params.id, { payer_id: req.auth_context.actor_id })
  if (invoice.status === "draft") throw new MedusaError(MedusaError.Types.NOT_FOUND, `Invoice ${req.params.id} was not found`)
  res.json({ invoice })
}
