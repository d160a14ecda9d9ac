import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import type { MedusaResponse } from "@medusajs/framework/http"
import type { AdminInvoiceListResponse } from "@fieldservice/contract"
import { renderInvoicePdf } from "../../../documents/invoice-pdf"
import { INVOICES_MODULE, type InvoicesModuleService } from "../../../modules/invoices"
import type { InvoiceListFilters } from "../../../modules/invoices/service"
import { SERVICES_MODULE, type ServicesModuleService } from "../../../modules/services"
import { dayBoundary } from "../../../modules/services/time-zone"
import { loadInvoice, presentInvoice } from "../../../queries/invoices"
import type { AdminGetInvoicesParamsType } from "./validators"

/** The list's filters in the module's terms: days are the business's whole days. */
export function invoiceListFilters(query: Omit<AdminGetInvoicesParamsType, "order" | "limit" | "offset">, timeZone: string): InvoiceListFilters {
  return {
    status: query.status,
    overdue: query.overdue === undefined ? undefined : query.overdue === "true",
    customer_id: query.customer_id,
    booking_id: query.booking_id,
    issued_from: query.issued_from ? dayBoundary(query.issued_from, "from", timeZone) : undefined,
    issued_to: query.issued_to ? dayBoundary(query.issued_to, "to", timeZone) : undefined,
    min_total: query.min_total,
    max_total: query.max_total,
  }
}

const OPEN = ["issued", "partially_paid"]

/** The same filters as module filters, for the CSV export's batches: overdue is open and past its due day. */
export function invoiceFilters(query: Omit<AdminGetInvoicesParamsType, "order" | "limit" | "offset">, timeZone: string, now = new Date()) {
  const filters: Record<string, unknown> = {}
  if (query.status) filters.status = query.status
  if (query.customer_id) filters.customer_id = query.customer_id
  if (query.booking_id) filters.booking_id = query.booking_id
  if (query.overdue === "true") Object.assign(filters, { status: query.status ? [query.status].filter((s) => OPEN.includes(s)) : OPEN, due_at: { $lt: now } })
  if (query.overdue === "false") filters.$or = [{ status: { $nin: OPEN } }, { due_at: { $gte: now } }]
  const issued: Record<string, Date> = {}
  if (query.issued_from) issued.$gte = dayBoundary(query.issued_from, "from", timeZone)
  if (query.issued_to) issued.$lt = dayBoundary(query.issued_to, "to", timeZone)
  if (Object.keys(issued).length) filters.issued_at = issued
  const total: Record<string, number> = {}
  if (query.min_total) total.$gte = Number(query.min_total)
  if (query.max_total) total.$lte = Number(query.max_total)
  if (Object.keys(total).length) filters.total = total
  return filters
}

/** The module's order for a list sort ("-total"), with the id breaking ties so pages never overlap. */
export function invoiceOrder(order: AdminGetInvoicesParamsType["order"]) {
  const field = order.replace(/^-/, "")
  const direction = order.startsWith("-") ? "DESC" : "ASC"
  return { [field]: direction, id: direction }
}

/** Each customer's name (or company, or email) and email, by id. */
export async function customerNames(scope: MedusaContainer, ids: string[]): Promise<AdminInvoiceListResponse["customers"]> {
  const customerIds = [...new Set(ids)]
  const people = customerIds.length
    ? await scope.resolve(Modules.CUSTOMER).listCustomers({ id: customerIds }, { select: ["id", "first_name", "last_name", "email", "company_name"] })
    : []
  return Object.fromEntries(
    people.map((person) => [
      person.id,
      { name: [person.first_name, person.last_name].filter(Boolean).join(" ") || person.company_name || person.email, email: person.email },
    ])
  )
}

/** One page of invoices with each customer's name; the count stops at 10,000 ("10,000+"). */
export async function listInvoicePage(scope: MedusaContainer, query: AdminGetInvoicesParamsType): Promise<AdminInvoiceListResponse> {
  const invoices: InvoicesModuleService = scope.resolve(INVOICES_MODULE)
  const services: ServicesModuleService = scope.resolve(SERVICES_MODULE)
  const { order, limit, offset, ...rest } = query
  const now = new Date()
  const page = await invoices.listInvoicePage(invoiceListFilters(rest, services.timeZone), { order, limit, offset }, now)
  const rows = page.ids.length ? await invoices.listInvoices({ id: page.ids }, { relations: ["lines", "payments", "credit_notes"] }) : []
  const byId = new Map(rows.map((row) => [row.id, row]))
  const listed = page.ids.map((id) => byId.get(id)).filter((row): row is NonNullable<typeof row> => !!row)
  const customers = await customerNames(
    scope,
    listed.map((row) => row.customer_id)
  )
  return { invoices: listed.map((row) => presentInvoice(row, now)), count: page.count, count_capped: page.count_capped, limit, offset, customers }
}

/** The invoice's PDF, shown in the browser (or saved) as INV-2026-000123.pdf. */
export async function sendInvoicePdf(scope: MedusaContainer, res: MedusaResponse, id: string, owner?: { customer_id: string }) {
  const invoice = await loadInvoice(scope, id, owner)
  const services: ServicesModuleService = scope.resolve(SERVICES_MODULE)
  const pdf = await renderInvoicePdf(invoice, services.timeZone)
  res.setHeader("Content-Type", "application/pdf")
  res.setHeader("Content-Disposition", `inline; filename="${invoice.number ?? "draft-invoice"}.pdf"`)
  res.setHeader("Cache-Control", "private, no-store")
  res.send(pdf)
}
