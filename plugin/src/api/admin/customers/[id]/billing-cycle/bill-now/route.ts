import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { AdminBillNowResponse } from "@fieldservice/contract"
import { Modules } from "@medusajs/framework/utils"
import { billNow } from "../../../../../../workflows/billing-cycles/run-billing-cycles"
import { requestActor } from "../../../../../utils/activity-actor"

/**
 * "Bill now": every visit waiting for the customer's next invoice goes on one invoice per payer at
 * once. A second click finds nothing waiting (the first took the visits) and bills nothing.
 */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminBillNowResponse>) {
  await req.scope.resolve(Modules.CUSTOMER).retrieveCustomer(req.params.id, { select: ["id"] })
  const result = await billNow(req.scope, req.params.id, await requestActor(req))
  const message =
    result.invoices === 0
      ? "Nothing is waiting to be invoiced."
      : `${result.invoices === 1 ? "1 invoice" : `${result.invoices} invoices`} made for ${result.visits === 1 ? "1 visit" : `${result.visits} visits`}.`
  res.json({ invoice_ids: result.invoice_ids, message })
}
