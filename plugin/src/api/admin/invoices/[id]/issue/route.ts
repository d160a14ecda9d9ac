import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { invoiceResponse } from "../../helpers"
import type { AdminInvoiceResponse } from "@fieldservice/contract"
import { readLocalDate } from "../../../../../modules/services/availability"
import { loadInvoice } from "../../../../../queries/invoices"
import { issueInvoiceWorkflow } from "../../../../../workflows/invoices/issue-invoice"
import { requestActor } from "../../../../utils/activity-actor"
import type { AdminIssueInvoiceType } from "../../validators"

/** Issues a draft: numbered, dated, emailed with its PDF, and a card held at booking is charged. */
export async function POST(req: AuthenticatedMedusaRequest<AdminIssueInvoiceType>, res: MedusaResponse<AdminInvoiceResponse>) {
  await loadInvoice(req.scope, req.params.id)
  const dueDay = req.validatedBody.due_date ? readLocalDate(req.validatedBody.due_date) : null
  await issueInvoiceWorkflow(req.scope).run({ input: { invoice_id: req.params.id, due_day: dueDay, actor: await requestActor(req) } })
  res.json(await invoiceResponse(req.scope, req.params.id))
}
