import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { AdminActivityListResponse } from "@fieldservice/contract"
import { listCustomerActivity } from "../../../../../queries/communications"
import type { AdminGetCustomerActivityParamsType } from "../../validators"

/**
 * The customer's activity timeline, newest first, a page at a time. Read only: the history is
 * written by the workflows that change the customer, and nothing edits or deletes it.
 */
export async function GET(req: AuthenticatedMedusaRequest<unknown, AdminGetCustomerActivityParamsType>, res: MedusaResponse<AdminActivityListResponse>) {
  res.json(await listCustomerActivity(req.scope, req.params.id, req.validatedQuery))
}
