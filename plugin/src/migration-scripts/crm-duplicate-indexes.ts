import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { addressKey, addressKeyComplete, emailKey, normalizedEmailKey, phoneKey, phoneLongEnough } from "../modules/customer-merge/duplicate-keys"

/**
 * The indexes duplicate suggestions read (modules/customer-merge/service.ts), each on the exact
 * expression the query compares, so every suggestion page walks an index instead of a million
 * rows (INCLUDE keeps the compared columns in the index, so those walks never read the table).
 * A migration script, not a module migration: module migrations can run before Medusa's
 * customer tables exist, scripts run after every migration. Each statement is idempotent.
 */
export default async function crmDuplicateIndexes({ container }: { container: MedusaContainer }) {
  const db = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  // Name similarity for "similar name at the same address" (the directory module creates it too).
  await db.raw(`CREATE EXTENSION IF NOT EXISTS pg_trgm`)
  await db.raw(
    `CREATE INDEX IF NOT EXISTS "IDX_crm_dup_customer_email" ON customer (${emailKey("email")}, id) INCLUDE (email)
      WHERE deleted_at IS NULL AND email IS NOT NULL`
  )
  await db.raw(
    `CREATE INDEX IF NOT EXISTS "IDX_crm_dup_customer_phone" ON customer ((${phoneKey("phone")}), id) INCLUDE (phone)
      WHERE deleted_at IS NULL AND phone IS NOT NULL AND ${phoneLongEnough("phone")}`
  )
  await db.raw(
    `CREATE INDEX IF NOT EXISTS "IDX_crm_dup_contact_method_email" ON customer_contact_method (${normalizedEmailKey("normalized")}, profile_id)
      WHERE deleted_at IS NULL AND kind = 'email'`
  )
  await db.raw(
    `CREATE INDEX IF NOT EXISTS "IDX_crm_dup_contact_method_phone" ON customer_contact_method ((${phoneKey("normalized", true)}), profile_id)
      WHERE deleted_at IS NULL AND kind <> 'email' AND ${phoneLongEnough("normalized", true)}`
  )
  await db.raw(
    `CREATE INDEX IF NOT EXISTS "IDX_crm_dup_customer_address" ON customer_address ((${addressKey("customer_address")}), customer_id) INCLUDE (postal_code, address_1)
      WHERE deleted_at IS NULL AND ${addressKeyComplete("customer_address")}`
  )
}
