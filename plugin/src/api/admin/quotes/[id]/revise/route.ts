import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { AdminQuoteResponse } from "@fieldservice/contract"
import { adminQuoteResponse } from "../../../../../queries/quotes"
import { reviseQuoteWorkflow } from "../../../../../workflows/quotes/revise-quote"
import { requestActor } from "../../../../utils/activity-actor"

/** Opens the next version as a draft copied from the sent one. */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminQuoteResponse>) {
  await adminQuoteResponse(req.scope, req.params.id)
  await reviseQuoteWorkflow(req.scope).run({ input: { quote_id: req.params.id, actor: await requestActor(req) } })
  res.json(await adminQuoteResponse(req.scope, req.params.id))
}
