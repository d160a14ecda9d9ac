import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { PROFILE_LINK_TABLE } from "../db/tables"

/** The column on Medusa's `customer` table that says the customer is archived (api/guards/hide-archived.ts). */
export const ARCHIVED_FLAG_COLUMN = "crm_archived"

/**
 * The admin's customer list leaves archived customers out by `customer.crm_archived = false`: a
 * test on the row being listed, so a page costs what Medusa's own list costs however many
 * customers are archived (docs/security/archived-customers.md has the measurements that ruled
 * out joining the profile instead). PostgreSQL keeps the column in step with the profile's
 * status and the customer↔profile link, whatever writes them (workflows, the importer, the
 * erasure's SQL, bulk SQL): statement triggers, so a bulk write costs one UPDATE, not one per row.
 * A migration script, not a module migration: it needs Medusa's customer table and the link
 * table, which exist only once every module migration and the link sync have run.
 */
export default async function crmArchivedFlag({ container }: { container: MedusaContainer }) {
  const db = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  await db.raw(`ALTER TABLE customer ADD COLUMN IF NOT EXISTS ${ARCHIVED_FLAG_COLUMN} boolean NOT NULL DEFAULT false`)

  // Sets the flag of these customers from their linked profile; rows already right are left alone.
  await db.raw(`
    CREATE OR REPLACE FUNCTION crm_refresh_archived(customer_ids text[]) RETURNS void LANGUAGE sql AS $fn$
      UPDATE customer c SET ${ARCHIVED_FLAG_COLUMN} = s.archived
        FROM (SELECT ids.id, EXISTS (
                SELECT 1 FROM ${PROFILE_LINK_TABLE} l JOIN customer_profile p ON p.id = l.customer_profile_id
                 WHERE l.customer_id = ids.id AND l.deleted_at IS NULL AND p.deleted_at IS NULL AND p.status = 'archived'
              ) AS archived
                FROM (SELECT DISTINCT id FROM unnest(customer_ids) AS u(id)) ids) s
       WHERE c.id = s.id AND c.${ARCHIVED_FLAG_COLUMN} IS DISTINCT FROM s.archived
    $fn$`)

  // A link written, moved or removed: its customer(s) before and after.
  await db.raw(`
    CREATE OR REPLACE FUNCTION crm_archived_after_link_change() RETURNS trigger LANGUAGE plpgsql AS $fn$
    BEGIN
      IF TG_OP = 'INSERT' THEN
        PERFORM crm_refresh_archived(ARRAY(SELECT customer_id FROM new_rows));
      ELSIF TG_OP = 'UPDATE' THEN
        PERFORM crm_refresh_archived(ARRAY(
          SELECT n.customer_id FROM new_rows n JOIN old_rows o ON o.id = n.id
           WHERE (n.customer_id, n.customer_profile_id, n.deleted_at) IS DISTINCT FROM (o.customer_id, o.customer_profile_id, o.deleted_at)
          UNION
          SELECT o.customer_id FROM new_rows n JOIN old_rows o ON o.id = n.id
           WHERE (n.customer_id, n.customer_profile_id, n.deleted_at) IS DISTINCT FROM (o.customer_id, o.customer_profile_id, o.deleted_at)));
      ELSE
        PERFORM crm_refresh_archived(ARRAY(SELECT customer_id FROM old_rows));
      END IF;
      RETURN NULL;
    END
    $fn$`)

  // A profile written or removed, or its status or deletion changed: the customers linked to it.
  await db.raw(`
    CREATE OR REPLACE FUNCTION crm_archived_after_profile_change() RETURNS trigger LANGUAGE plpgsql AS $fn$
    BEGIN
      IF TG_OP = 'INSERT' THEN
        PERFORM crm_refresh_archived(ARRAY(
          SELECT l.customer_id FROM new_rows n JOIN ${PROFILE_LINK_TABLE} l ON l.customer_profile_id = n.id WHERE n.status = 'archived'));
      ELSIF TG_OP = 'UPDATE' THEN
        PERFORM crm_refresh_archived(ARRAY(
          SELECT l.customer_id FROM new_rows n JOIN old_rows o ON o.id = n.id JOIN ${PROFILE_LINK_TABLE} l ON l.customer_profile_id = n.id
           WHERE (n.status, n.deleted_at) IS DISTINCT FROM (o.status, o.deleted_at)));
      ELSE
        PERFORM crm_refresh_archived(ARRAY(
          SELECT l.customer_id FROM old_rows o JOIN ${PROFILE_LINK_TABLE} l ON l.customer_profile_id = o.id WHERE o.status = 'archived'));
      END IF;
      RETURN NULL;
    END
    $fn$`)

  const triggers: [table: string, fn: string][] = [
    [PROFILE_LINK_TABLE, "crm_archived_after_link_change"],
    ["customer_profile", "crm_archived_after_profile_change"],
  ]
  for (const [table, fn] of triggers) {
    // One trigger per event: a trigger with transition tables may only have one.
    for (const [event, referencing] of [
      ["INSERT", "NEW TABLE AS new_rows"],
      ["UPDATE", "OLD TABLE AS old_rows NEW TABLE AS new_rows"],
      ["DELETE", "OLD TABLE AS old_rows"],
    ]) {
      const name = `crm_archived_${table === "customer_profile" ? "profile" : "link"}_${event.toLowerCase()}`
      await db.raw(`DROP TRIGGER IF EXISTS ${name} ON ${table}`)
      await db.raw(`CREATE TRIGGER ${name} AFTER ${event} ON ${table} REFERENCING ${referencing} FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()`)
    }
  }

  // Every flag from the profiles as they are now (customers archived before this ran; and the
  // script can be run again to repair, see docs/security/archived-customers.md).
  const archivedCustomers = `SELECT l.customer_id FROM ${PROFILE_LINK_TABLE} l JOIN customer_profile p ON p.id = l.customer_profile_id
     WHERE l.deleted_at IS NULL AND p.deleted_at IS NULL AND p.status = 'archived'`
  await db.raw(`UPDATE customer SET ${ARCHIVED_FLAG_COLUMN} = true WHERE NOT ${ARCHIVED_FLAG_COLUMN} AND id IN (${archivedCustomers})`)
  await db.raw(`UPDATE customer SET ${ARCHIVED_FLAG_COLUMN} = false WHERE ${ARCHIVED_FLAG_COLUMN} AND id NOT IN (${archivedCustomers})`)
  // The list's count and its pages in id order read only the customers it shows.
  await db.raw(`CREATE INDEX IF NOT EXISTS "IDX_crm_customer_listed" ON customer (id) WHERE deleted_at IS NULL AND ${ARCHIVED_FLAG_COLUMN} = false`)
}
