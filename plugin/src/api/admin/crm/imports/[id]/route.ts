import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { AdminCustomerImportResponse } from "@fieldservice/contract"
import { CUSTOMER_IMPORT_MODULE, type CustomerImportModuleService } from "../../../../../modules/customer-import"
import { sweepInterruptedImports } from "../../../../../utils/customer-import-jobs"
import { presentImport } from "../helpers"

/** One import: its progress while it runs, its counts and outcome once done. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminCustomerImportResponse>) {
  const imports: CustomerImportModuleService = req.scope.resolve(CUSTOMER_IMPORT_MODULE)
  await sweepInterruptedImports(req.scope)
  const job = await imports.retrieveCustomerImport(req.params.id)
  res.json({ import: presentImport(job) })
}
