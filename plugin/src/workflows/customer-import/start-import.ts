import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { createCustomerImportStep } from "./steps/create-customer-import"
import { processCustomerImportStep } from "./steps/process-customer-import"

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

const LOCK_KEY = "customer-import:start"

export const startCustomerImportWorkflowId = "start-customer-import"

/** Records the import job (one at a time) and starts importing its file in the background. */
export const startCustomerImportWorkflow = createWorkflow(startCustomerImportWorkflowId, (input: StartCustomerImportInput) => {
  acquireLockStep({ key: LOCK_KEY, timeout: 10, ttl: 30 })
  const job = createCustomerImportStep(input)
  releaseLockStep({ key: LOCK_KEY })
  processCustomerImportStep(transform({ job }, ({ job }) => ({ import_id: job.id })))
  return new WorkflowResponse(job)
})
