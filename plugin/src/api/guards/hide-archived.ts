import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { raw } from "@medusajs/framework/mikro-orm/core"
import { ARCHIVED_FLAG_COLUMN } from "../../migration-scripts/crm-archived-flag"

/**
 * Archived customers are kept but left out of the admin's default customer list (asking
 * for ids explicitly still finds them); GET /admin/portal/archived-customers lists them.
 *
 * The condition travels inside Medusa's own filters down to its SQL as a raw MikroORM fragment
 * on the listed customer row (`[::alias::]` is the customer table's alias there), so every
 * other filter, the order, the page and the count stay Medusa's. The column is kept by
 * triggers (migration-scripts/crm-archived-flag.ts); docs/security/archived-customers.md has why.
 */
export function hideArchivedCustomers(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  const filters = req.filterableFields as Record<string, unknown> | undefined
  if (!filters || filters.id) return next()
  filters[raw((alias) => `${alias}.${ARCHIVED_FLAG_COLUMN} = false`)] = []
  next()
}
