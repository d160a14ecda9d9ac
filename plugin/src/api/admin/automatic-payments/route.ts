import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { AdminFailedAutomaticPaymentListResponse } from "@fieldservice/contract"
import { listFailedAutomaticPayments } from "../../../queries/automatic-payments"
import type { AdminGetFailedAutomaticPaymentsParamsType } from "./validators"

/** Failed automatic payments: invoices still owed whose latest automatic charge failed, newest first. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminFailedAutomaticPaymentListResponse>) {
  const query = req.validatedQuery as AdminGetFailedAutomaticPaymentsParamsType
  res.json(await listFailedAutomaticPayments(req.scope, query))
}
