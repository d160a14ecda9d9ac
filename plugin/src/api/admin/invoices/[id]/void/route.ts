import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { invoiceResponse } from "../../helpers"
import type { AdminInvoiceResponse } from "@fieldservice/contract"
import { loadInvoice } from "../../../../../queries/invoices"
import { voidInvoiceWorkflow } from "../../../../../workflows/invoices/void-invoice"
import { requestActor } from "../../../../utils/activity-actor"
import type { AdminVoidInvoiceType } from "../../validators"

export async function POST(req: AuthenticatedMedusaRequest<AdminVoidInvoiceType>, res: MedusaResponse<AdminInvoiceResponse>) {
  await loadInvoice(req.scope, req.params.id)
  await voidInvoiceWorkflow(req.scope).run({ input: { invoice_id: req.params.id, reason: req.validatedBody.reason, actor: await requestActor(req) } })
  res.json(await invoiceResponse(req.scope, req.params.id))
}
