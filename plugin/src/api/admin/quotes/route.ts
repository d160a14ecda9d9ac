import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { AdminQuoteListResponse, AdminQuoteResponse } from "@fieldservice/contract"
import { adminQuoteResponse, listQuotePage } from "../../../queries/quotes"
import { createQuoteWorkflow } from "../../../workflows/quotes/create-quote"
import { requestActor } from "../../utils/activity-actor"
import type { AdminCreateQuoteType, AdminGetQuotesParamsType } from "./validators"

/** The staff Quotes page: by status, customer, number or title, amount and expiry; sorted and paged. */
export async function GET(req: AuthenticatedMedusaRequest<unknown, AdminGetQuotesParamsType>, res: MedusaResponse<AdminQuoteListResponse>) {
  res.json(await listQuotePage(req.scope, req.validatedQuery))
}

/** A new draft quote (version 1) for a customer. */
export async function POST(req: AuthenticatedMedusaRequest<AdminCreateQuoteType>, res: MedusaResponse<AdminQuoteResponse>) {
  const { customer_id, ...fields } = req.validatedBody
  const { result } = await createQuoteWorkflow(req.scope).run({ input: { customer_id, fields, actor: await requestActor(req) } })
  res.status(201).json(await adminQuoteResponse(req.scope, result.id))
}
