import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { recordActivityStep } from "../customer-profile/steps/record-activity"
import {
  type BatchRow,
  importAddressesStep,
  importBusinessProfilesStep,
  importContactMethodsStep,
  importCustomersStep,
  importCustomFieldValuesStep,
  importProfilesStep,
} from "./steps"

export const CUSTOMER_IMPORTED = "customer.imported"
export const CUSTOMER_IMPORT_UPDATED = "customer.import_updated"

export type ImportBatchInput = {
  import_id: string
  filename: string
  /** The staff member who started the import: their user id (the customers' created_by) and email (the activity's actor). */
  actor: { id: string | null; email: string | null }
  rows: BatchRow[]
}

/** The columns a row filled, for the activity line of an updated customer. */
function filledColumns(row: BatchRow["row"]): string[] {
  return [
    ...Object.keys(row.customer),
    ...Object.keys(row.profile),
    ...(row.additional_emails !== undefined ? ["additional_emails"] : []),
    ...(row.additional_phones !== undefined ? ["additional_phones"] : []),
    ...(row.address ? ["address"] : []),
    ...(row.business ? ["business_name"] : []),
    ...Object.keys(row.custom_fields).map((key) => `custom.${key}`),
  ]
}

/**
 * Writes a batch of checked rows, all or nothing: new customers with their profile, address,
 * extra contacts, business profile and custom field values; existing ones (matched by email,
 * when staff chose to update them) get the cells the row filled. One activity line per customer.
 */
export const importCustomerBatchWorkflow = createWorkflow("import-customer-batch", (input: ImportBatchInput) => {
  const createdBy = transform({ input }, ({ input }) => ({ rows: input.rows, created_by: input.actor.id }))
  const saved = importCustomersStep(createdBy)
  const profiled = importProfilesStep(saved)
  importContactMethodsStep(profiled)
  importAddressesStep(profiled)
  importBusinessProfilesStep(profiled)
  importCustomFieldValuesStep(profiled)
  const entries = transform({ input, saved }, ({ input, saved }) =>
    saved.map(({ row, customer_id, created }) => ({
      customer_id,
      kind: created ? CUSTOMER_IMPORTED : CUSTOMER_IMPORT_UPDATED,
      message: created
        ? `Imported from ${input.filename} (line ${row.line})`
        : `Updated by the import of ${input.filename} (line ${row.line}): ${filledColumns(row).join(", ") || "nothing changed"}`,
      data: { import_id: input.import_id, line: row.line, ...(created ? {} : { columns: filledColumns(row) }) },
      actor: input.actor.email,
    }))
  )
  recordActivityStep(entries)
  return new WorkflowResponse(
    transform({ saved }, ({ saved }) => saved.map(({ customer_id, created, row }) => ({ customer_id, created, line: row.line })))
  )
})
