import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { BUSINESS_PROFILE_TABLE, type NewBusinessProfile } from "../modules/business-profile/bulk-tables"
import { CUSTOM_FIELD_VALUE_TABLE, type NewCustomFieldValue } from "../modules/custom-fields/bulk-tables"
import { PROFILE_LINK_TABLE } from "../db/tables"
import { CONTACT_METHOD_TABLE, type NewContactMethod, PROFILE_TABLE } from "../modules/customer-profile/bulk-tables"
import { extrasBeside, normalizeContactMethods } from "../modules/customer-profile/contact-details"
import { type BulkTable, newEntityId } from "./bulk-insert"
import { type ImportAddress, type ImportRow, newImportedProfile } from "./customer-import-rows"
import type { KnexLike } from "./sql-manager"

/*
 * What an import batch's new customers write, table by table: Medusa's customer, address and
 * link tables as its modules write them, and our modules' tables. Written in one transaction
 * by the import's importNewCustomersStep.
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
  columns: {
    id: "text",
    email: "text",
    first_name: "text",
    last_name: "text",
    phone: "text",
    company_name: "text",
    has_account: "boolean",
    created_by: "text",
  },
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

/** Everything the rows write, with the ids the new records will have; throws INVALID_DATA for a row that can't be written. */
export function planNewCustomerRows(rows: ImportRow[], createdBy: string | null, fieldIdByKey: Map<string, string>) {
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
      // The customer's own email and phone are the primary ones: the list keeps only the others.
      methods.push(...extrasBeside(checked.methods, { email: row.email, phone: row.customer.phone ?? null }).map((method) => ({ ...method, profile_id })))
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
 * grow them faster than autovacuum re-analyses them, and plans made on statistics that still say
 * "ten rows" slow the import down (docs/decisions/import-statistics.md).
 */
export async function analyzeNewCustomerTables(container: MedusaContainer) {
  const knex: KnexLike = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  const tables = [CUSTOMER_TABLE, ADDRESS_TABLE, PROFILE_TABLE, PROFILE_LINK, CONTACT_METHOD_TABLE, BUSINESS_PROFILE_TABLE, CUSTOM_FIELD_VALUE_TABLE]
  await knex.raw(`ANALYZE ${tables.map(({ table }) => `"${table}"`).join(", ")}`, [])
}
