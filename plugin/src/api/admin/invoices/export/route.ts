import { once } from "node:events"
import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { INVOICES_MODULE, type InvoicesModuleService } from "../../../../modules/invoices"
import type { InvoiceListCursor } from "../../../../modules/invoices/service"
import { SERVICES_MODULE, type ServicesModuleService } from "../../../../modules/services"
import { customerNames, invoiceFilters } from "../helpers"
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
  const filters = invoiceFilters(rest, services.timeZone)

  res.setHeader("Content-Type", "text/csv; charset=utf-8")
  res.setHeader("Content-Disposition", `attachment; filename="invoices-${now.toISOString().slice(0, 10)}.csv"`)
  res.setHeader("Cache-Control", "no-store")
  const write = async (chunk: string) => {
    if (!res.write(chunk)) await once(res, "drain")
  }

  try {
    await write(invoiceCsvHeader())
    let cursor: InvoiceListCursor | null = null
    for (;;) {
      if (res.destroyed) return
      // Each batch goes on from where the last stopped, in the list's order; "overdue" as of when the export started.
      const batch = await invoices.listInvoiceIdsAfter(filters, order, cursor, BATCH, now)
      if (!batch.length) break
      cursor = batch[batch.length - 1].cursor
      const ids = batch.map((row) => row.id)
      const rows = (await invoices.listInvoices({ id: ids })) as unknown as ExportedInvoiceRow[]
      const byId = new Map(rows.map((row) => [row.id, row]))
      const ordered = ids.map((id) => byId.get(id)).filter((row): row is ExportedInvoiceRow => !!row)
      const customers = await customerNames(
        req.scope,
        ordered.map((row) => row.customer_id)
      )
      await write(ordered.map((row) => invoiceCsvRow(row, customers[row.customer_id], services.timeZone, now)).join(""))
      if (ids.length < BATCH) break
    }
    res.end()
  } catch (error) {
    // The header is gone already: cut the download short rather than end it as if complete.
    logger.error(`Invoice export failed: ${(error as Error).message}`)
    res.destroy(error as Error)
  }
}
