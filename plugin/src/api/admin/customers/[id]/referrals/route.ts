import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import type { AdminCustomerReferralsResponse } from "@fieldservice/contract"
import { adminCustomerReferrals } from "../../../../../queries/referrals"

/** The customer page's Referrals card: who invited them, and whom they invited, with statuses and rewards. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminCustomerReferralsResponse>) {
  const [customer] = await req.scope.resolve(Modules.CUSTOMER).listCustomers({ id: req.params.id }, { take: 1, select: ["id"] })
  if (!customer) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Customer ${req.params.id} was not found`)
  res.json(await adminCustomerReferrals(req.scope, customer.id))
}
