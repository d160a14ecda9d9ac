import { once } from "node:events"
import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { CUSTOM_FIELDS_MODULE, type CustomFieldsModuleService } from "../../../../../modules/custom-fields"
import { CUSTOMER_DIRECTORY_MODULE, type CustomerDirectoryModuleService } from "../../../../../modules/customer-directory"
import { customerCsvHeader, customerCsvRow, type ExportedCustomer } from "./helpers"
import { type AdminExportDirectoryParamsType, directoryFilters } from "../validators"

const BATCH = 500

/**
 * The customers matching the directory's filters as CSV, in the import's format. Streamed a batch
 * at a time (waiting whenever the connection is slower than the database), so any size fits.
 */
export async function GET(req: AuthenticatedMedusaRequest<unknown, AdminExportDirectoryParamsType>, res: MedusaResponse) {
  const directory: CustomerDirectoryModuleService = req.scope.resolve(CUSTOMER_DIRECTORY_MODULE)
  const customFields: CustomFieldsModuleService = req.scope.resolve(CUSTOM_FIELDS_MODULE)
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const logger = req.scope.resolve(ContainerRegistrationKeys.LOGGER)
  const filters = await directoryFilters(req.validatedQuery as AdminExportDirectoryParamsType, req.scope)
  const fieldKeys = (await customFields.listDefinitions({ target_type: "customer" })).map((field) => field.key)

  const today = new Date().toISOString().slice(0, 10)
  res.setHeader("Content-Type", "text/csv; charset=utf-8")
  res.setHeader("Content-Disposition", `attachment; filename="customers-${today}.csv"`)
  res.setHeader("Cache-Control", "no-store")
  const write = async (chunk: string) => {
    if (!res.write(chunk)) await once(res, "drain")
  }

  try {
    await write(customerCsvHeader(fieldKeys))
    let after = ""
    for (;;) {
      if (res.destroyed) return
      const rows = await directory.listDirectoryRowsAfter(filters, after, BATCH)
      if (!rows.length) break
      after = rows[rows.length - 1].id
      const { data } = await query.graph({
        entity: "customer",
        fields: [
          "id",
          "email",
          "first_name",
          "last_name",
          "phone",
          "company_name",
          "addresses.*",
          "customer_profile.*",
          "customer_profile.contact_methods.*",
          "business_profiles.*",
        ],
        filters: { id: rows.map((row) => row.id) },
        withDeleted: rows.some((row) => row.status === "deleted"),
      })
      const byId = new Map((data as unknown as ExportedCustomer[]).map((customer) => [customer.id, customer]))
      let chunk = ""
      for (const row of rows) {
        const customer = byId.get(row.id)
        if (customer) chunk += customerCsvRow(customer, row, fieldKeys)
      }
      await write(chunk)
    }
    res.end()
  } catch (error) {
    // The header is gone already: cut the download short rather than end it as if complete.
    logger.error(`Customer export failed: ${(error as Error).message}`)
    res.destroy(error as Error)
  }
}
