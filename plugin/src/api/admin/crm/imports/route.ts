import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { AdminCustomerImportListResponse, AdminCustomerImportResponse, ErrorResponse } from "@fieldservice/contract"
import { generateEntityId, Modules } from "@medusajs/framework/utils"
import { CUSTOMER_IMPORT_MODULE, type CustomerImportModuleService } from "../../../../modules/customer-import"
import { sweepInterruptedImports } from "../../../../utils/customer-import-jobs"
import { startCustomerImportWorkflow } from "../../../../workflows/customer-import/start-import"
import { answerConflictError } from "../../../utils/errors"
import type { CustomerImportUploadRequest } from "./upload"
import { presentImport } from "./helpers"
import { requestActor } from "../../../utils/activity-actor"
import { type AdminGetCustomerImportsParamsType } from "../validators"

/** The latest imports, newest first. */
export async function GET(req: AuthenticatedMedusaRequest<unknown, AdminGetCustomerImportsParamsType>, res: MedusaResponse<AdminCustomerImportListResponse>) {
  const imports: CustomerImportModuleService = req.scope.resolve(CUSTOMER_IMPORT_MODULE)
  await sweepInterruptedImports(req.scope)
  const { limit, offset } = req.validatedQuery as AdminGetCustomerImportsParamsType
  const [jobs, count] = await imports.listAndCountCustomerImports({}, { order: { created_at: "DESC" }, take: limit, skip: offset })
  res.json({ imports: jobs.map((job) => presentImport(job)), count, limit, offset })
}

/**
 * Starts importing the uploaded CSV (checked and stored by customerImportUpload): answers 202
 * with the job at once; the rows are imported in the background (poll GET …/imports/:id).
 */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminCustomerImportResponse | ErrorResponse>) {
  const { customerImportFile: file, validatedBody } = req as CustomerImportUploadRequest
  const id = generateEntityId(undefined, "cimp")
  try {
    await startCustomerImportWorkflow(req.scope).run({
      input: {
        id,
        filename: file.filename,
        file_key: file.file_key,
        file_size: file.size,
        header: file.header,
        total_rows: file.total_rows,
        update_existing: validatedBody.update_existing,
        actor: { id: req.auth_context.actor_id ?? null, email: (await requestActor(req)).email ?? null },
      },
    })
  } catch (error) {
    await req.scope
      .resolve(Modules.FILE)
      .deleteFiles(file.file_key)
      .catch(() => undefined)
    if (answerConflictError(res, error)) return
    throw error
  }
  const imports: CustomerImportModuleService = req.scope.resolve(CUSTOMER_IMPORT_MODULE)
  const job = await imports.retrieveCustomerImport(id)
  res.status(202).json({ import: presentImport(job) })
}
