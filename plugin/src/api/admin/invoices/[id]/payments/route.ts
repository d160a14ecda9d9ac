import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { invoiceResponse } from "../../helpers"
import type { AdminInvoiceResponse } from "@fieldservice/contract"
import { SERVICES_MODULE, type ServicesModuleService } from "../../../../../modules/services"
import { dayBoundary } from "../../../../../modules/services/time-zone"
import { loadInvoice } from "../../../../../queries/invoices"
import { recordInvoicePaymentWorkflow } from "../../../../../workflows/invoices/record-invoice-payment"
import { requestActor } from "../../../../utils/activity-actor"
import type { AdminRecordInvoicePaymentType } from "../../validators"

/** Staff record money received offline (cash, bank transfer, cheque) or a refund, with its reference. */
export async function POST(req: AuthenticatedMedusaRequest<AdminRecordInvoicePaymentType>, res: MedusaResponse<AdminInvoiceResponse>) {
  await loadInvoice(req.scope, req.params.id)
  const { paid_on: paidOn, idempotency_key: key, ...body } = req.validatedBody
  const services: ServicesModuleService = req.scope.resolve(SERVICES_MODULE)
  const paidAt = paidOn ? new Date(Math.min(Date.now(), dayBoundary(paidOn, "from", services.timeZone).getTime() + 12 * 3_600_000)) : new Date()
  const actor = await requestActor(req)
  await recordInvoicePaymentWorkflow(req.scope).run({
    input: { ...body, invoice_id: req.params.id, paid_at: paidAt, idempotency_key: key ? `staff:${req.params.id}:${key}` : null, actor },
  })
  res.status(201).json(await invoiceResponse(req.scope, req.params.id))
}
