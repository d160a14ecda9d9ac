import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { CUSTOMER_IMPORT_MODULE, type CustomerImportModuleService } from "../../../modules/customer-import"
import { runningImportConflict } from "../../../utils/customer-import-jobs"
import type { StartCustomerImportInput } from "../start-import"

export const createCustomerImportStepId = "create-customer-import"

/** Records the import job, unless another import is running; removed again if a later step fails. */
export const createCustomerImportStep = createStep(
  createCustomerImportStepId,
  async (input: StartCustomerImportInput, { container }) => {
    const imports: CustomerImportModuleService = container.resolve(CUSTOMER_IMPORT_MODULE)
    const conflict = await runningImportConflict(container)
    if (conflict) throw conflict
    const job = await imports.createCustomerImports({
      id: input.id,
      status: "processing",
      filename: input.filename,
      file_key: input.file_key,
      file_size: input.file_size,
      header: input.header as never,
      total_rows: input.total_rows,
      update_existing: input.update_existing,
      actor: input.actor.email,
      actor_id: input.actor.id,
      heartbeat_at: new Date(),
    })
    return new StepResponse(job, job.id)
  },
  async (id, { container }) => {
    if (!id) return
    const imports: CustomerImportModuleService = container.resolve(CUSTOMER_IMPORT_MODULE)
    await imports.deleteCustomerImports(id)
  }
)
