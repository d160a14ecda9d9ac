import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { AdminArchivedCustomerListResponse } from "@fieldservice/contract"

/** Archived customers (hidden from the default customer list), newest first. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminArchivedCustomerListResponse>) {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "customer_profile",
    fields: ["id", "status_changed_at", "customer.id", "customer.email", "customer.first_name", "customer.last_name"],
    filters: { status: "archived" },
    pagination: { order: { status_changed_at: "DESC" }, take: 200 },
  })
  res.json({
    customers: data
      .filter((profile) => profile.customer)
      .map((profile) => {
        const customer = profile.customer as { id: string; email: string; first_name: string | null; last_name: string | null }
        return { ...customer, archived_at: profile.status_changed_at }
      }),
  })
}
