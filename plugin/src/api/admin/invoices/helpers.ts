import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import type { MedusaResponse } from "@medusajs/framework/http"
import type { AdminInvoiceListResponse, AdminInvoiceResponse } from "@fieldservice/contract"
import { renderInvoicePdf } from "../../../documents/invoice-pdf"
import { INVOICES_MODULE, type InvoicesModuleService } from "../../../modules/invoices"
import type { InvoiceListFilters } from "../../../modules/invoices/service"
import { SERVICES_MODULE, type ServicesModuleService } from "../../../modules/services"
import { dayBoundary } from "../../../modules/services/time-zone"
import { loadInvoice, presentInvoiceSummary } from "../../../queries/invoices"
import type { AdminGetInvoicesParamsType } from "./validators"

/** The list's filters in the module's terms: days are the business's whole days. */
export function invoiceFilters(query: Omit<AdminGetInvoicesParamsType, "order" | "limit" | "offset">, timeZone: string): InvoiceListFilters {
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

/** One invoice as staff see it, with the business's time zone its dates are days of. */
export async function invoiceResponse(scope: MedusaContainer, id: string): Promise<AdminInvoiceResponse> {
  const services: ServicesModuleService = scope.resolve(SERVICES_MODULE)
  return { invoice: await loadInvoice(scope, id), time_zone: services.timeZone }
}

/** Each customer's name (or company, or email) and email, by id: the list's and the export's. */
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
  const page = await invoices.listInvoicePage(invoiceFilters(rest, services.timeZone), { order, limit, offset }, now)
  const rows = page.ids.length ? await invoices.listInvoices({ id: page.ids }) : []
  const byId = new Map(rows.map((row) => [row.id, row]))
  const listed = page.ids.map((id) => byId.get(id)).filter((row): row is NonNullable<typeof row> => !!row)
  const customers = await customerNames(
    scope,
    listed.map((row) => row.customer_id)
  )
  return {
    invoices: listed.map((row) => presentInvoiceSummary(row, now)),
    count: page.count,
    count_capped: page.count_capped,
    limit,
    offset,
    customers,
    time_zone: services.timeZone,
  }
}

/** The invoice's PDF, shown in the browser (or saved) as INV-2026-000123.pdf. */
export async function sendInvoicePdf(scope: MedusaContainer, res: MedusaResponse, id: string, owner?: { payer_id: string }) {
  const invoice = await loadInvoice(scope, id, owner)
  const services: ServicesModuleService = scope.resolve(SERVICES_MODULE)
  const pdf = await renderInvoicePdf(invoice, services.timeZone)
  res.setHeader("Content-Type", "application/pdf")
  res.setHeader("Content-Disposition", `inline; filename="${invoice.number ?? "draft-invoice"}.pdf"`)
  res.setHeader("Cache-Control", "private, no-store")
  res.send(pdf)
}
