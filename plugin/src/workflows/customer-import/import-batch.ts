import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { recordActivityStep } from "../customer-profile/steps/record-activity"
import type { ExistingRow } from "./steps/existing-customer-writes"
import { importBusinessProfilesStep } from "./steps/import-business-profiles"
import { importContactMethodsStep } from "./steps/import-contact-methods"
import { importCustomFieldValuesStep } from "./steps/import-custom-field-values"
import { importAddressesStep } from "./steps/import-customer-addresses"
import { importProfilesStep } from "./steps/import-customer-profiles"
import { importExistingCustomersStep } from "./steps/import-existing-customers"
import { importNewCustomersStep } from "./steps/import-new-customers"

export const CUSTOMER_IMPORTED = "customer.imported"
export const CUSTOMER_IMPORT_UPDATED = "customer.import_updated"

export type ImportBatchInput = {
  import_id: string
  filename: string
  /** The staff member who started the import: their user id (the customers' created_by) and email (the activity's actor). */
  actor: { id: string | null; email: string | null }
  /**
   * The rows of new customers, as one JSON text of ImportRow[]. The workflow SDK walks and
   * deep-copies every object handed to a step or transform; for a thousand rows that cost more
   * than writing them, while a string passes through as it is.
   */
  new_rows: string
  /** Rows of customers that already exist (staff chose to update them). */
  existing_rows: ExistingRow[]
}

/** The columns a row filled, for the activity line of an updated customer. */
function filledColumns(row: ExistingRow["row"]): string[] {
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

export const importCustomerBatchWorkflowId = "import-customer-batch"

/**
 * Writes a batch of checked rows, all or nothing: new customers with their profile, address,
 * extra contacts, business profile and custom field values (one transaction); existing ones
 * (matched by email, when staff chose to update them) get the cells the row filled. One
 * activity line per customer.
 */
export const importCustomerBatchWorkflow = createWorkflow(importCustomerBatchWorkflowId, (input: ImportBatchInput) => {
  const created = importNewCustomersStep({ rows: input.new_rows, created_by: input.actor.id })
  const updated = importExistingCustomersStep({ rows: input.existing_rows })
  const profiled = importProfilesStep(updated)
  importContactMethodsStep(profiled)
  importAddressesStep(profiled)
  importBusinessProfilesStep(profiled)
  importCustomFieldValuesStep(profiled)
  const about = { import_id: input.import_id, filename: input.filename, actor: input.actor.email }
  const entries = transform({ about, created, updated }, ({ about, created, updated }) => [
    ...created.map(({ customer_id, line }) => ({
      customer_id,
      kind: CUSTOMER_IMPORTED,
      message: `Imported from ${about.filename} (line ${line})`,
      data: { import_id: about.import_id, line },
      actor: about.actor,
    })),
    ...updated.map(({ row, customer_id }) => ({
      customer_id,
      kind: CUSTOMER_IMPORT_UPDATED,
      message: `Updated by the import of ${about.filename} (line ${row.line}): ${filledColumns(row).join(", ") || "nothing changed"}`,
      data: { import_id: about.import_id, line: row.line, columns: filledColumns(row) },
      actor: about.actor,
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
