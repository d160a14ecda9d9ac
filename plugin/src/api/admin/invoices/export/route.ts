import { once } from "node:events"
import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { INVOICES_MODULE, type InvoicesModuleService } from "../../../../modules/invoices"
import { SERVICES_MODULE, type ServicesModuleService } from "../../../../modules/services"
import { customerNames, invoiceFilters, invoiceOrder } from "../helpers"
import type { AdminExportInvoicesParamsType } from "../validators"
import { type ExportedInvoiceRow, invoiceCsvHeader, invoiceCsvRow } from "./csv"

const BATCH = 500

/**
 * The invoices the Invoices page's filters match, in its order, as CSV. Streamed a batch at a
 * time (waiting whenever the connection is slower than the database), so any number fits.
 */
export async function GET(req: AuthenticatedMedusaRequest<unknown, AdminExportInvoicesParamsType>, res: MedusaResponse) {
  const invoices: InvoicesModuleService = req.scope.resolve(INVOICES_MODULE)
  const services: ServicesModuleService = req.scope.resolve(SERVICES_MODULE)
  const logger = req.scope.resolve(ContainerRegistrationKeys.LOGGER)
  const { order, ...rest } = req.validatedQuery
  const now = new Date()
  // "Overdue" means overdue when the export started, for every batch.
  const filters = invoiceFilters(rest, services.timeZone, now)

  res.setHeader("Content-Type", "text/csv; charset=utf-8")
  res.setHeader("Content-Disposition", `attachment; filename="invoices-${now.toISOString().slice(0, 10)}.csv"`)
  res.setHeader("Cache-Control", "no-store")
  const write = async (chunk: string) => {
    if (!res.write(chunk)) await once(res, "drain")
  }

  try {
    await write(invoiceCsvHeader())
    for (let offset = 0; ; offset += BATCH) {
      if (res.destroyed) return
      const rows = (await invoices.listInvoices(filters, { order: invoiceOrder(order), take: BATCH, skip: offset })) as unknown as ExportedInvoiceRow[]
      if (!rows.length) break
      const customers = await customerNames(
        req.scope,
        rows.map((row) => row.customer_id)
      )
      await write(rows.map((row) => invoiceCsvRow(row, customers[row.customer_id], services.timeZone, now)).join(""))
      if (rows.length < BATCH) break
    }
    res.end()
  } catch (error) {
    // The header is gone already: cut the download short rather than end it as if complete.
    logger.error(`Invoice export failed: ${(error as Error).message}`)
    res.destroy(error as Error)
  }
}
