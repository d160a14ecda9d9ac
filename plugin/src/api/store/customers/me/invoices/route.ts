import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { StoreInvoiceListResponse } from "@fieldservice/contract"
import { INVOICES_MODULE, paidByFilter, type InvoicesModuleService } from "../../../../../modules/invoices"
import { presentInvoice } from "../../../../../queries/invoices"
import type { StoreGetInvoicesParamsType } from "./validators"

const OPEN = ["issued", "partially_paid"]

/**
 * The invoices the customer pays (never drafts): their own and those they are the bill payer of;
 * not those of their own visits another customer pays. Open, overdue, paid or all, newest first.
 */
export async function GET(req: AuthenticatedMedusaRequest<unknown, StoreGetInvoicesParamsType>, res: MedusaResponse<StoreInvoiceListResponse>) {
  const invoices: InvoicesModuleService = req.scope.resolve(INVOICES_MODULE)
  const { view, limit, offset } = req.validatedQuery
  const now = new Date()
  const filters: Record<string, unknown> = { ...paidByFilter(req.auth_context.actor_id), status: ["issued", "partially_paid", "paid", "void"] }
  if (view === "open") Object.assign(filters, { status: OPEN, due_at: { $gte: now } })
  if (view === "overdue") Object.assign(filters, { status: OPEN, due_at: { $lt: now } })
  if (view === "paid") filters.status = ["paid"]
  const [rows, count] = await invoices.listAndCountInvoices(filters, {
    relations: ["lines", "payments", "credit_notes"],
    order: { issued_at: "DESC", id: "DESC" },
    take: limit,
    skip: offset,
  })
  res.json({ invoices: rows.map((row) => presentInvoice(row, now)), count, limit, offset })
}
