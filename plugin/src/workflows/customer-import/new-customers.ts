import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { BUSINESS_PROFILE_TABLE, type NewBusinessProfile } from "../../modules/business-profile/bulk-tables"
import { CUSTOM_FIELDS_MODULE, type CustomFieldsModuleService } from "../../modules/custom-fields"
import { CUSTOM_FIELD_VALUE_TABLE, type NewCustomFieldValue } from "../../modules/custom-fields/bulk-tables"
import { CUSTOMER_DIRECTORY_MODULE, type CustomerDirectoryModuleService } from "../../modules/customer-directory"
import { PROFILE_LINK_TABLE } from "../../modules/customer-merge/duplicate-keys"
import { CONTACT_METHOD_TABLE, type NewContactMethod, PROFILE_TABLE } from "../../modules/customer-profile/bulk-tables"
import { normalizeContactMethods } from "../../modules/customer-profile/contact-details"
import { type BulkTable, bulkInsert, newEntityId } from "../../utils/bulk-insert"
import { type ImportAddress, type ImportRow, newImportedProfile } from "../../utils/customer-import-rows"
import { type KnexLike, knexSqlManager } from "../../utils/sql-manager"

/*
 * New customers from an import batch, written in one database transaction: the customer and
 * address (Medusa's customer module), the profile and its link, extra emails and numbers,
 * business profiles and custom field values. A thousand customers through the customer
 * module's ORM and the link module cost over a second; as eight set-based statements they
 * cost tens of milliseconds, which is what lets 100,000 rows import in well under a minute.
 * Medusa's customer tables are written as its customer module writes them (ids with the
 * module's prefixes, the default shipping address flagged), and nothing else listens for
 * customer rows being created: the customer module's own createCustomers emits no events.
 */

type NewCustomer = {
  email: string
  first_name: string | null
  last_name: string | null
  phone: string | null
  company_name: string | null
  created_by: string | null
}

/** Medusa's `customer` table, as its customer module writes a customer without an account. */
const CUSTOMER_TABLE: BulkTable<NewCustomer> = {
  table: "customer",
  columns: { id: "text", email: "text", first_name: "text", last_name: "text", phone: "text", company_name: "text", has_account: "boolean", created_by: "text" },
  newRow: (customer) => ({ id: newEntityId("cus"), ...customer, has_account: false }),
}

type NewAddress = ImportAddress & {
  customer_id: string
  first_name: string | null
  last_name: string | null
  company: string | null
  phone: string | null
}

/** Medusa's `customer_address` table: an imported address is the customer's default shipping address. */
const ADDRESS_TABLE: BulkTable<NewAddress> = {
  table: "customer_address",
  columns: {
    id: "text",
    customer_id: "text",
    first_name: "text",
    last_name: "text",
    company: "text",
    phone: "text",
    address_1: "text",
    address_2: "text",
    city: "text",
    province: "text",
    postal_code: "text",
    country_code: "text",
    is_default_shipping: "boolean",
    is_default_billing: "boolean",
  },
  newRow: (address) => ({ id: newEntityId("cuaddr"), ...address, is_default_shipping: true, is_default_billing: false }),
}

/** The customer ↔ profile link's table (src/links/customer-profile.ts), as Medusa's link module writes it. */
const PROFILE_LINK: BulkTable<{ customer_id: string; customer_profile_id: string }> = {
  table: PROFILE_LINK_TABLE,
  columns: { id: "text", customer_id: "text", customer_profile_id: "text" },
  newRow: (link) => ({ id: newEntityId("link"), ...link }),
}

export type NewCustomerSaved = { customer_id: string; line: number }

/** Everything the rows write, with the ids the new records will have; throws INVALID_DATA for a row that can't be written. */
function planRows(rows: ImportRow[], createdBy: string | null, fieldIdByKey: Map<string, string>) {
  const customers = rows.map(({ email, customer }) =>
    CUSTOMER_TABLE.newRow({
      email,
      first_name: customer.first_name ?? null,
      last_name: customer.last_name ?? null,
      phone: customer.phone ?? null,
      company_name: customer.company_name ?? null,
      created_by: createdBy,
    })
  )
  const profiles = rows.map(({ profile }) => PROFILE_TABLE.newRow(newImportedProfile(profile)))
  const addresses: NewAddress[] = []
  const methods: NewContactMethod[] = []
  const businesses: NewBusinessProfile[] = []
  const values: NewCustomFieldValue[] = []
  rows.forEach((row, index) => {
    const customer_id = customers[index].id
    const profile_id = profiles[index].id
    if (row.address) {
      const { first_name = null, last_name = null, company_name = null, phone = null } = row.customer
      addresses.push({ ...row.address, customer_id, first_name, last_name, company: company_name, phone })
    }
    if (row.additional_emails?.length || row.additional_phones?.length) {
      const checked = normalizeContactMethods([
        ...(row.additional_emails ?? []).map((value) => ({ kind: "email" as const, value })),
        ...(row.additional_phones ?? []).map((value) => ({ kind: "mobile" as const, value })),
      ])
      if (!checked.ok) throw new MedusaError(MedusaError.Types.INVALID_DATA, `additional emails and phones: ${checked.message}`)
      methods.push(...checked.methods.map((method) => ({ ...method, profile_id })))
    }
    if (row.business) businesses.push({ ...row.business, customer_id })
    for (const [key, value] of Object.entries(row.custom_fields)) {
      const field_id = fieldIdByKey.get(key)
      // The field was deleted while the import ran: the row can't be written as it is.
      if (!field_id) throw new MedusaError(MedusaError.Types.INVALID_DATA, `There is no custom field '${key}' any more`)
      values.push({ field_id, owner_type: "customer", owner_id: customer_id, value })
    }
  })
  return {
    saved: rows.map((row, index) => ({ customer_id: customers[index].id, line: row.line })),
    inserts: [
      [CUSTOMER_TABLE, customers],
      [ADDRESS_TABLE, addresses.map(ADDRESS_TABLE.newRow)],
      [PROFILE_TABLE, profiles],
      [PROFILE_LINK, customers.map((customer, index) => PROFILE_LINK.newRow({ customer_id: customer.id, customer_profile_id: profiles[index].id }))],
      [CONTACT_METHOD_TABLE, methods.map(CONTACT_METHOD_TABLE.newRow)],
      [BUSINESS_PROFILE_TABLE, businesses.map(BUSINESS_PROFILE_TABLE.newRow)],
      [CUSTOM_FIELD_VALUE_TABLE, values.map(CUSTOM_FIELD_VALUE_TABLE.newRow)],
    ] as [BulkTable<never>, Record<string, unknown>[]][],
  }
}

/**
 * Refreshes the planner's statistics of the tables new customers are written to. An import can
 * grow them from a few rows to a hundred thousand within a minute, faster than autovacuum
 * re-analyses them (or never, where it is off), and on statistics that still say "ten rows" the
 * directory's refresh of a thousand customers went from 0.15 s to 2.5 s as the import went on.
 */
export async function analyzeNewCustomerTables(container: MedusaContainer) {
  const knex: KnexLike = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  const tables = [CUSTOMER_TABLE, ADDRESS_TABLE, PROFILE_TABLE, PROFILE_LINK, CONTACT_METHOD_TABLE, BUSINESS_PROFILE_TABLE, CUSTOM_FIELD_VALUE_TABLE]
  await knex.raw(`ANALYZE ${tables.map(({ table }) => `"${table}"`).join(", ")}`, [])
}

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

/**
 * Creates the batch's new customers with everything their rows hold, all or nothing. A row
 * that can't be written (an email taken since the batch was checked, contact details or a
 * custom field that no longer fit) fails the whole step, and the import splits the batch to
 * find it.
 */
export const importNewCustomersStep = createStep(
  "import-new-customers",
  async (input: { rows: string; created_by: string | null }, { container }) => {
    const rows = JSON.parse(input.rows) as ImportRow[]
    if (!rows.length) return new StepResponse([] as NewCustomerSaved[], [] as string[])
    const customFields: CustomFieldsModuleService = container.resolve(CUSTOM_FIELDS_MODULE)
    const definitions = await customFields.listDefinitions({ target_type: "customer" })
    const plan = planRows(rows, input.created_by, new Map(definitions.map((definition) => [definition.key, definition.id])))
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
