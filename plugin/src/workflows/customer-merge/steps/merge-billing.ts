import { type RowSnapshot, snapshotRows } from "../../../utils/row-snapshots"
import type { SqlManager } from "../../../utils/sql-manager"

/*
 * What a merge does with the secondary's repeat visits (they follow its bookings) and billing: its invoices (and those it pays for others)
 * and payments under way become the primary's; its billing cycles, bill payer settings and
 * automatic payment agreement go over where the primary has none for the same scope, else the
 * primary's own stand and the secondary's are let go. Issued invoices keep whom they were made
 * out to: an invoice is never edited, only who it is filed under changes.
 */

/** Each billing table and the columns that hold a customer's id. */
const TABLES: [string, string[]][] = [
  ["invoice", ["customer_id", "payer_id"]],
  ["invoice_checkout", ["customer_id"]],
  ["automatic_payment_attempt", ["customer_id"]],
  ["automatic_payment", ["customer_id"]],
  ["billing_cycle", ["customer_id"]],
  ["bill_payer", ["customer_id", "payer_id"]],
  ["booking_series", ["customer_id"]],
]

/** The billing rows either customer has, as they are, to write back if the merge is undone. */
export async function billingSnapshots(sql: SqlManager, primaryId: string, secondaryId: string): Promise<RowSnapshot[]> {
  const snapshots: RowSnapshot[] = []
  for (const [table, columns] of TABLES) {
    const scope = columns.map((column) => `${column} IN (?, ?)`).join(" OR ")
    const rows = await sql.execute(
      `SELECT id FROM "${table}" WHERE ${scope}`,
      columns.flatMap(() => [primaryId, secondaryId])
    )
    snapshots.push(
      await snapshotRows(
        sql,
        table,
        rows.map((row) => row.id as string)
      )
    )
  }
  return snapshots
}

/** One row per scope (the customer, or one business profile): the primary's stands, the secondary's moves only where it has none. */
async function moveOnePerScope(sql: SqlManager, table: "billing_cycle" | "bill_payer", primaryId: string, secondaryId: string) {
  await sql.execute(
    `UPDATE "${table}" s SET customer_id = ?, updated_at = now()
      WHERE s.customer_id = ? AND s.deleted_at IS NULL
        AND NOT EXISTS (SELECT 1 FROM "${table}" p WHERE p.customer_id = ? AND p.deleted_at IS NULL
                          AND p.business_profile_id IS NOT DISTINCT FROM s.business_profile_id)`,
    [primaryId, secondaryId, primaryId]
  )
  await sql.execute(`UPDATE "${table}" SET deleted_at = now(), updated_at = now() WHERE customer_id = ? AND deleted_at IS NULL`, [secondaryId])
}

export async function mergeBilling(sql: SqlManager, primaryId: string, secondaryId: string) {
  // Repeat visits go with their bookings: left on the merged-away customer, the rolling job would end them.
  await sql.execute(`UPDATE booking_series SET customer_id = ?, updated_at = now() WHERE customer_id = ?`, [primaryId, secondaryId])
  await sql.execute(`UPDATE invoice SET customer_id = ?, updated_at = now() WHERE customer_id = ?`, [primaryId, secondaryId])
  await sql.execute(`UPDATE invoice SET payer_id = ?, updated_at = now() WHERE payer_id = ?`, [primaryId, secondaryId])
  for (const table of ["invoice_checkout", "automatic_payment_attempt"]) {
    await sql.execute(`UPDATE "${table}" SET customer_id = ?, updated_at = now() WHERE customer_id = ?`, [primaryId, secondaryId])
  }
  await moveOnePerScope(sql, "billing_cycle", primaryId, secondaryId)
  await moveOnePerScope(sql, "bill_payer", primaryId, secondaryId)
  // Those the secondary paid for now go to the primary; a setting that would have the primary pay for itself goes.
  await sql.execute(`UPDATE bill_payer SET payer_id = ?, updated_at = now() WHERE payer_id = ? AND deleted_at IS NULL`, [primaryId, secondaryId])
  await sql.execute(`UPDATE bill_payer SET deleted_at = now(), updated_at = now() WHERE customer_id = ? AND payer_id = ? AND deleted_at IS NULL`, [
    primaryId,
    primaryId,
  ])
  await sql.execute(
    `UPDATE automatic_payment SET customer_id = ?, updated_at = now()
      WHERE customer_id = ? AND deleted_at IS NULL AND NOT EXISTS (SELECT 1 FROM automatic_payment p WHERE p.customer_id = ? AND p.deleted_at IS NULL)`,
    [primaryId, secondaryId, primaryId]
  )
  await sql.execute(`UPDATE automatic_payment SET deleted_at = now(), updated_at = now() WHERE customer_id = ? AND deleted_at IS NULL`, [secondaryId])
}
