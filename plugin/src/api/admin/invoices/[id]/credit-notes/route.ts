import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { invoiceResponse } from "../../helpers"
import type { AdminInvoiceResponse } from "@fieldservice/contract"
import { loadInvoice } from "../../../../../queries/invoices"
import { createCreditNoteWorkflow } from "../../../../../workflows/invoices/create-credit-note"
import { requestActor } from "../../../../utils/activity-actor"
import type { AdminCreateCreditNoteType } from "../../validators"

export async function POST(req: AuthenticatedMedusaRequest<AdminCreateCreditNoteType>, res: MedusaResponse<AdminInvoiceResponse>) {
  await loadInvoice(req.scope, req.params.id)
  await createCreditNoteWorkflow(req.scope).run({ input: { invoice_id: req.params.id, ...req.validatedBody, actor: await requestActor(req) } })
  res.status(201).json(await invoiceResponse(req.scope, req.params.id))
}
