import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { PROFILE_LINK_TABLE } from "../db/tables"
import { CUSTOMER_DIRECTORY_MODULE, type CustomerDirectoryModuleService } from "../modules/customer-directory"
import { phoneKey } from "../modules/customer-merge/duplicate-keys"

/**
 * One place of truth for the primary email and phone: Medusa's customer record. Before this, a
 * primary could also be marked in the profile's list, and the directory, bookings and merges
 * disagreed about which one to show. This moves each customer's marked (or first) number into
 * `customer.phone` when that is empty, drops list rows that repeat the customer's own email or
 * phone (numbers compared on their last 10 digits, as duplicates are), and leaves the rest as
 * extras. Set-based and idempotent: a second run changes nothing.
 */
export default async function primaryContacts({ container }: { container: MedusaContainer }) {
  const db = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  const owners = `SELECT c.id AS customer_id, c.email, c.phone, m.id AS method_id, m.kind, m.normalized, m.value, m.is_primary, m.created_at
      FROM customer c JOIN ${PROFILE_LINK_TABLE} l ON l.customer_id = c.id AND l.deleted_at IS NULL
      JOIN customer_contact_method m ON m.profile_id = l.customer_profile_id AND m.deleted_at IS NULL
     WHERE c.deleted_at IS NULL`
  const touched = new Set<string>()
  const remember = (rows: { customer_id: string }[]) => rows.forEach((row) => touched.add(row.customer_id))

  const { rows: filled } = await db.raw(
    `WITH chosen AS (
       SELECT DISTINCT ON (customer_id) customer_id, value FROM (${owners}) o
        WHERE o.kind <> 'email' AND coalesce(o.phone, '') = ''
        ORDER BY customer_id, o.is_primary DESC, o.created_at
     )
     UPDATE customer c SET phone = chosen.value, updated_at = now() FROM chosen WHERE c.id = chosen.customer_id
     RETURNING c.id AS customer_id`
  )
  remember(filled)

  const { rows: dropped } = await db.raw(
    `DELETE FROM customer_contact_method m USING (${owners}) o
      WHERE m.id = o.method_id AND (
        (o.kind = 'email' AND o.normalized = lower(trim(o.email)))
        OR (o.kind <> 'email' AND coalesce(o.phone, '') <> '' AND ${phoneKey("o.normalized", true)} = ${phoneKey("o.phone")}))
      RETURNING o.customer_id`
  )
  remember(dropped)
  await db.raw(`UPDATE customer_contact_method SET is_primary = false, updated_at = now() WHERE is_primary AND deleted_at IS NULL`)

  const directory: CustomerDirectoryModuleService = container.resolve(CUSTOMER_DIRECTORY_MODULE)
  const ids = [...touched]
  for (let from = 0; from < ids.length; from += 1000) await directory.refreshEntries(ids.slice(from, from + 1000))
}
