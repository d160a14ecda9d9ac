import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { StoreStatementResponse } from "@fieldservice/contract"
import { loadStatement } from "../../../../../queries/statements"
import type { StatementPeriodParamsType } from "../../../../utils/common-validators/statement"

/** The signed-in customer's own account statement: the customer comes from the session, never the request. */
export async function GET(req: AuthenticatedMedusaRequest<unknown, StatementPeriodParamsType>, res: MedusaResponse<StoreStatementResponse>) {
  res.json({ statement: await loadStatement(req.scope, req.auth_context.actor_id, req.validatedQuery) })
}
