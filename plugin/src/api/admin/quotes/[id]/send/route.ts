import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { AdminQuoteResponse } from "@fieldservice/contract"
import { adminQuoteResponse } from "../../../../../queries/quotes"
import { sendQuoteWorkflow } from "../../../../../workflows/quotes/send-quote"
import { requestActor } from "../../../../utils/activity-actor"

/** Sends the draft to the customer: numbered on the first send, emailed with its PDF and link. */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminQuoteResponse>) {
  await adminQuoteResponse(req.scope, req.params.id)
  await sendQuoteWorkflow(req.scope).run({ input: { quote_id: req.params.id, actor: await requestActor(req) } })
  res.json(await adminQuoteResponse(req.scope, req.params.id))
}
