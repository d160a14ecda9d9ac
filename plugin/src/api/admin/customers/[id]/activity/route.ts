import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { listCustomerActivity } from "../../../../utils/customer-communications"
import type { AdminGetCustomerActivityParamsType } from "../../validators"

/**
 * The customer's activity timeline, newest first, a page at a time. Read only: the history is
 * written by the workflows that change the customer, and nothing edits or deletes it.
 */
export async function GET(req: AuthenticatedMedusaRequest<unknown, AdminGetCustomerActivityParamsType>, res: MedusaResponse) {
  res.json(await listCustomerActivity(req.scope, req.params.id, req.validatedQuery))
}
