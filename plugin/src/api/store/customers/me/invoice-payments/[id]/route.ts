import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { StoreInvoiceCheckoutResponse } from "@fieldservice/contract"
import { loadInvoiceCheckout } from "../../../../../../queries/invoice-payments"

/** One of the customer's own payment attempts (anyone else's is not found). */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse<StoreInvoiceCheckoutResponse>) {
  res.json({ checkout: await loadInvoiceCheckout(req.scope, req.params.id, req.auth_context.actor_id) })
}
