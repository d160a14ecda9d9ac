import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { StatementPeriodParamsType } from "../../../../../utils/common-validators/statement"
import { sendStatementPdf } from "../../../../../utils/statement-pdf"

export async function GET(req: AuthenticatedMedusaRequest<unknown, StatementPeriodParamsType>, res: MedusaResponse) {
  await sendStatementPdf(req.scope, res, req.auth_context.actor_id, req.validatedQuery)
}
