import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { AdminCustomerBillingSummaryResponse } from "@fieldservice/contract"
import { SERVICES_MODULE, type ServicesModuleService } from "../../../../../modules/services"
import { customerBillingSummary } from "../../../../../queries/billing-summary"

/** The customer page's billing card: terms, balance, overdue amount, last payment and latest invoices. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminCustomerBillingSummaryResponse>) {
  const services: ServicesModuleService = req.scope.resolve(SERVICES_MODULE)
  res.json({ summary: await customerBillingSummary(req.scope, req.params.id), time_zone: services.timeZone })
}
