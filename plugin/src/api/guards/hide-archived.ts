import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"

/**
 * Archived customers are kept but left out of the admin's default customer list (asking
 * for ids explicitly still finds them); GET /admin/portal/archived-customers lists them.
 */
export async function hideArchivedCustomers(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const filters = req.filterableFields as Record<string, unknown> | undefined
  if (!filters || filters.id) return next()
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "customer_profile",
    fields: ["id", "customer.id"],
    filters: { status: "archived" },
  })
  const archived = data.map((profile) => (profile.customer as { id: string } | undefined)?.id).filter(Boolean)
  if (archived.length) filters.id = { $nin: archived }
  next()
}
