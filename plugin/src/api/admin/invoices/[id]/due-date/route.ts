import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { invoiceResponse } from "../../helpers"
import { type AdminInvoiceResponse, formatLongDate } from "@fieldservice/contract"
import { endOfLocalDay } from "../../../../../modules/invoices"
import { readLocalDate } from "../../../../../modules/services/availability"
import { SERVICES_MODULE, type ServicesModuleService } from "../../../../../modules/services"
import { loadInvoice } from "../../../../../queries/invoices"
import { setInvoiceDueDateWorkflow } from "../../../../../workflows/invoices/set-invoice-due-date"
import { requestActor } from "../../../../utils/activity-actor"
import type { AdminSetInvoiceDueDateType } from "../../validators"

/** A due date set on this invoice, overriding the customer's and the company's terms. */
export async function POST(req: AuthenticatedMedusaRequest<AdminSetInvoiceDueDateType>, res: MedusaResponse<AdminInvoiceResponse>) {
  await loadInvoice(req.scope, req.params.id)
  const services: ServicesModuleService = req.scope.resolve(SERVICES_MODULE)
  const day = readLocalDate(req.validatedBody.due_date)!
  const dueText = formatLongDate(new Date(Date.UTC(day.year, day.month - 1, day.day)), "UTC")
  await setInvoiceDueDateWorkflow(req.scope).run({
    input: { invoice_id: req.params.id, due_at: endOfLocalDay(day, services.timeZone), due_text: dueText, actor: await requestActor(req) },
  })
  res.json(await invoiceResponse(req.scope, req.params.id))
}
