import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { StoreQuoteListResponse } from "@fieldservice/contract"
import { listCustomerQuotes } from "../../../../../queries/quotes"

/** The customer's quotes that were sent (never drafts), newest first; `status` narrows them. */
export async function GET(
  req: AuthenticatedMedusaRequest<unknown, { status?: string; limit: number; offset: number }>,
  res: MedusaResponse<StoreQuoteListResponse>
) {
  res.json(await listCustomerQuotes(req.scope, req.auth_context.actor_id, req.validatedQuery))
}
