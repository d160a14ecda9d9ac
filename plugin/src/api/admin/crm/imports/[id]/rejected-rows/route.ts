import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { CUSTOMER_IMPORT_MODULE, type CustomerImportModuleService } from "../../../../../../modules/customer-import"
import { csvLine } from "../../../../../../utils/customer-csv"

const PAGE = 1000

/**
 * The rows an import rejected, as CSV: the line in the uploaded file (the header is line 1),
 * the reason, then the row's cells under the file's own header, so the file can be fixed and
 * imported again. Streamed a page at a time.
 */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const imports: CustomerImportModuleService = req.scope.resolve(CUSTOMER_IMPORT_MODULE)
  const job = await imports.retrieveCustomerImport(req.params.id)
  const header = Array.isArray(job.header) ? (job.header as string[]) : []
  const name = job.filename.replace(/\.csv$/i, "").replace(/[^\w.-]+/g, "-") || "customers"
  res.setHeader("content-type", "text/csv; charset=utf-8")
  res.setHeader("content-disposition", `attachment; filename="${name}-rejected-rows.csv"`)
  // The byte-order mark makes spreadsheets read the file as UTF-8; the import skips it.
  res.write("\uFEFF" + csvLine(["line", "reason", ...header]))
  for (let skip = 0; ; skip += PAGE) {
    const rows = await imports.listCustomerImportRejections(
      { customer_import_id: job.id },
      { select: ["id", "line", "reason", "cells"], order: { line: "ASC", id: "ASC" }, take: PAGE, skip }
    )
    if (rows.length) res.write(rows.map((row) => csvLine([row.line, row.reason, ...((row.cells as unknown as string[]) ?? [])])).join(""))
    if (rows.length < PAGE) break
  }
  res.end()
}
