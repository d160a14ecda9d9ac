import type { IFileModuleService, MedusaContainer } from "@medusajs/framework/types"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, createWorkflow, StepResponse, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { CUSTOMER_IMPORT_MODULE, type CustomerImportModuleService } from "../../modules/customer-import"
import { runCustomerImport } from "./run-import"

export type StartCustomerImportInput = {
  /** The job's id, chosen by the caller so it can answer with it while the import runs on. */
  id: string
  filename: string
  file_key: string
  file_size: number
  header: string[]
  total_rows: number
  update_existing: boolean
  actor: { id: string | null; email: string | null }
}

/** Imports whose server stopped mid-way are marked as stopped, and their uploaded files removed. */
export async function sweepInterruptedImports(container: MedusaContainer) {
  const imports: CustomerImportModuleService = container.resolve(CUSTOMER_IMPORT_MODULE)
  const keys = await imports.failInterruptedImports()
  if (keys.length) {
    const files: IFileModuleService = container.resolve(Modules.FILE)
    await files.deleteFiles(keys).catch(() => undefined)
  }
}

/** Says who is importing what, when an import is already running (one at a time keeps the server responsive). */
export async function runningImportConflict(container: MedusaContainer): Promise<MedusaError | null> {
  await sweepInterruptedImports(container)
  const imports: CustomerImportModuleService = container.resolve(CUSTOMER_IMPORT_MODULE)
  const [running] = await imports.listCustomerImports({ status: "processing" }, { take: 1, order: { created_at: "DESC" } })
  if (!running) return null
  return new MedusaError(
    MedusaError.Types.CONFLICT,
    `Another import (${running.filename}, started by ${running.actor ?? "a staff member"}) is still running. Wait for it to finish, then start this one.`,
    "import_running"
  )
}

const createImportJobStep = createStep(
  "create-customer-import",
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

/**
 * Runs in the background (an async step): the workflow's caller gets the job at once, and this
 * step finishes when the whole file has been imported. The job records its own outcome.
 */
const processCustomerImportStep = createStep(
  { name: "process-customer-import", async: true, maxRetries: 0 },
  async (input: { import_id: string }, { container }) => {
    const outcome = await runCustomerImport(container, input.import_id)
    return new StepResponse(outcome)
  }
)

const LOCK_KEY = "customer-import:start"

/** Records the import job (one at a time) and starts importing its file in the background. */
export const startCustomerImportWorkflow = createWorkflow("start-customer-import", (input: StartCustomerImportInput) => {
  acquireLockStep({ key: LOCK_KEY, timeout: 10, ttl: 30 })
  const job = createImportJobStep(input)
  releaseLockStep({ key: LOCK_KEY })
  processCustomerImportStep(transform({ job }, ({ job }) => ({ import_id: job.id })))
  return new WorkflowResponse(job)
})
