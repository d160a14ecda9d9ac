import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { recordActivityStep } from "../customer-profile/steps/record-activity"
import { importNewCustomersStep } from "./new-customers"
import {
  type BatchRow,
  importAddressesStep,
  importBusinessProfilesStep,
  importContactMethodsStep,
  importCustomFieldValuesStep,
  importExistingCustomersStep,
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
 * extra contacts, business profile and custom field values (one transaction); existing ones
 * (matched by email, when staff chose to update them) get the cells the row filled. One
 * activity line per customer.
 */
export const importCustomerBatchWorkflow = createWorkflow("import-customer-batch", (input: ImportBatchInput) => {
  const split = transform({ input }, ({ input }) => ({
    fresh: { rows: input.rows.filter((item) => !item.customer_id).map((item) => item.row), created_by: input.actor.id },
    existing: { rows: input.rows.filter((item): item is BatchRow & { customer_id: string } => !!item.customer_id) },
  }))
  const created = importNewCustomersStep(split.fresh)
  const updated = importExistingCustomersStep(split.existing)
  const profiled = importProfilesStep(updated)
  importContactMethodsStep(profiled)
  importAddressesStep(profiled)
  importBusinessProfilesStep(profiled)
  importCustomFieldValuesStep(profiled)
  const entries = transform({ input, created, updated }, ({ input, created, updated }) => [
    ...created.map(({ customer_id, line }) => ({
      customer_id,
      kind: CUSTOMER_IMPORTED,
      message: `Imported from ${input.filename} (line ${line})`,
      data: { import_id: input.import_id, line },
      actor: input.actor.email,
    })),
    ...updated.map(({ row, customer_id }) => ({
      customer_id,
      kind: CUSTOMER_IMPORT_UPDATED,
      message: `Updated by the import of ${input.filename} (line ${row.line}): ${filledColumns(row).join(", ") || "nothing changed"}`,
      data: { import_id: input.import_id, line: row.line, columns: filledColumns(row) },
      actor: input.actor.email,
    })),
  ])
  recordActivityStep(entries)
  return new WorkflowResponse(
    transform({ created, updated }, ({ created, updated }) => [
      ...created.map(({ customer_id, line }) => ({ customer_id, created: true, line })),
      ...updated.map(({ customer_id, row }) => ({ customer_id, created: false, line: row.line })),
    ])
  )
})
