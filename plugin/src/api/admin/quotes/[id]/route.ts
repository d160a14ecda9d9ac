import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { AdminQuoteResponse } from "@fieldservice/contract"
import { adminQuoteResponse } from "../../../../queries/quotes"
import { updateQuoteDraftWorkflow } from "../../../../workflows/quotes/update-quote-draft"
import { requestActor } from "../../../utils/activity-actor"
import type { AdminUpdateQuoteType } from "../validators"

/** The quote, its draft while one is open, and its history. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminQuoteResponse>) {
  res.json(await adminQuoteResponse(req.scope, req.params.id))
}

/** Changes the draft version; a sent version is revised instead. */
export async function POST(req: AuthenticatedMedusaRequest<AdminUpdateQuoteType>, res: MedusaResponse<AdminQuoteResponse>) {
  await adminQuoteResponse(req.scope, req.params.id)
  // Only the fields sent change: the validator turns a missing text field into null.
  const sent = Object.keys((req.body ?? {}) as object)
  const fields = Object.fromEntries(Object.entries(req.validatedBody).filter(([key]) => sent.includes(key))) as AdminUpdateQuoteType
  await updateQuoteDraftWorkflow(req.scope).run({ input: { quote_id: req.params.id, fields, actor: await requestActor(req) } })
  res.json(await adminQuoteResponse(req.scope, req.params.id))
}
