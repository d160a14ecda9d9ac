import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { CUSTOM_FIELDS_MODULE, type CustomFieldsModuleService } from "../../../modules/custom-fields"
import { CUSTOMER_DIRECTORY_MODULE, type CustomerDirectoryModuleService } from "../../../modules/customer-directory"
import { PROFILE_LINK_TABLE } from "../../../db/tables"
import { bulkInsert } from "../../../utils/bulk-insert"
import type { ImportRow } from "../../../utils/customer-import-rows"
import { planNewCustomerRows } from "../../../utils/new-customer-rows"
import { type KnexLike, knexSqlManager } from "../../../utils/sql-manager"

/*
 * New customers from an import batch, written in one database transaction: the customer and
 * address (Medusa's customer module), the profile and its link, extra emails and numbers,
 * business profiles and custom field values, as eight set-based statements rather than through
 * the modules' ORM, which is far too slow for large imports (docs/decisions/import-set-based-writes.md).
 * Medusa's customer tables are written as its customer module writes them (ids with the
 * module's prefixes, the default shipping address flagged), and nothing else listens for
 * customer rows being created: the customer module's own createCustomers emits no events.
 */

export type NewCustomerSaved = { customer_id: string; line: number }

type Knex = KnexLike & { transaction: <T>(work: (trx: KnexLike) => Promise<T>) => Promise<T> }

/** Removes the new customers and everything written with them (the workflow failed after they were written). */
async function removeNewCustomers(container: MedusaContainer, customerIds: string[]) {
  if (!customerIds.length) return
  const knex: Knex = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  const ids = [JSON.stringify(customerIds)]
  const customers = "(SELECT jsonb_array_elements_text(?::jsonb))"
  await knex.transaction(async (trx) => {
    await trx.raw(`DELETE FROM custom_field_value WHERE owner_type = 'customer' AND owner_id IN ${customers}`, ids)
    await trx.raw(`DELETE FROM business_profile WHERE customer_id IN ${customers}`, ids)
    await trx.raw(
      `DELETE FROM customer_contact_method WHERE profile_id IN (SELECT customer_profile_id FROM "${PROFILE_LINK_TABLE}" WHERE customer_id IN ${customers})`,
      ids
    )
    await trx.raw(
      `WITH unlinked AS (DELETE FROM "${PROFILE_LINK_TABLE}" WHERE customer_id IN ${customers} RETURNING customer_profile_id)
       DELETE FROM customer_profile WHERE id IN (SELECT customer_profile_id FROM unlinked)`,
      ids
    )
    // Their addresses go with them (ON DELETE CASCADE).
    await trx.raw(`DELETE FROM customer WHERE id IN ${customers}`, ids)
  })
  const directory: CustomerDirectoryModuleService = container.resolve(CUSTOMER_DIRECTORY_MODULE)
  await directory.refreshEntries(customerIds)
}

export const importNewCustomersStepId = "import-new-customers"

/**
 * Creates the batch's new customers with everything their rows hold, all or nothing. A row
 * that can't be written (an email taken since the batch was checked, contact details or a
 * custom field that no longer fit) fails the whole step, and the import splits the batch to
 * find it.
 */
export const importNewCustomersStep = createStep(
  importNewCustomersStepId,
  async (input: { rows: string; created_by: string | null }, { container }) => {
    const rows = JSON.parse(input.rows) as ImportRow[]
    if (!rows.length) return new StepResponse([] as NewCustomerSaved[], [] as string[])
    const customFields: CustomFieldsModuleService = container.resolve(CUSTOM_FIELDS_MODULE)
    const definitions = await customFields.listDefinitions({ target_type: "customer" })
    const plan = planNewCustomerRows(rows, input.created_by, new Map(definitions.map((definition) => [definition.key, definition.id])))
    const knex: Knex = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
    await knex.transaction(async (trx) => {
      const sql = knexSqlManager(trx)
      for (const [{ table, columns }, records] of plan.inserts) await bulkInsert(sql, table, columns, records)
    })
    const ids = plan.saved.map((saved) => saved.customer_id)
    return new StepResponse(plan.saved, ids)
  },
  async (customerIds, { container }) => {
    if (customerIds?.length) await removeNewCustomers(container, customerIds)
  }
)
