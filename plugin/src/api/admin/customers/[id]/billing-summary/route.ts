import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { AdminCustomerBillingSummaryResponse } from "@fieldservice/contract"
import { customerBillingSummary } from "../../../../../queries/billing-summary"

/** The customer page's billing card: terms, balance, overdue amount, last payment and latest invoices. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminCustomerBillingSummaryResponse>) {
  res.json({ summary: await customerBillingSummary(req.scope, req.params.id) })
}
