import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { AdminInvoiceResponse } from "@fieldservice/contract"
import { MedusaError } from "@medusajs/framework/utils"
import { invoiceResponse } from "../../helpers"
import { resendInvoiceWorkflow } from "../../../../../workflows/invoices/resend-invoice"
import { requestActor } from "../../../../utils/activity-actor"

/** Emails the invoice again, with its PDF as it stands now. */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminInvoiceResponse>) {
  const answer = await invoiceResponse(req.scope, req.params.id)
  const { invoice } = answer
  if (invoice.status === "draft" || invoice.status === "void") {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Only an issued invoice can be sent; this one is ${invoice.status}.`)
  }
  await resendInvoiceWorkflow(req.scope).run({ input: { invoice_id: invoice.id, actor: await requestActor(req) } })
  res.json(answer)
}
