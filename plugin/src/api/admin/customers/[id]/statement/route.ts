import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { AdminStatementResponse } from "@fieldservice/contract"
import { loadStatement } from "../../../../../queries/statements"
import type { StatementPeriodParamsType } from "../../../../utils/common-validators/statement"

/** The customer's account statement for a period (by default the last 12 months to today). */
export async function GET(req: AuthenticatedMedusaRequest<unknown, StatementPeriodParamsType>, res: MedusaResponse<AdminStatementResponse>) {
  res.json({ statement: await loadStatement(req.scope, req.params.id, req.validatedQuery) })
}
