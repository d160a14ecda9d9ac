import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { ICustomerModuleService } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { type AdminDeletedCustomerListResponse, RESTORE_WINDOW_MS } from "@fieldservice/contract"
import { isoDate } from "../../../../utils/json-dates"

/** Customers deleted in the last 30 days, which staff can still restore. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminDeletedCustomerListResponse>) {
  const customers: ICustomerModuleService = req.scope.resolve(Modules.CUSTOMER)
  const since = new Date(Date.now() - RESTORE_WINDOW_MS)
  const deleted = await customers.listCustomers({ deleted_at: { $gte: since } } as never, { withDeleted: true, order: { deleted_at: "DESC" }, take: 200 })
  res.json({
    customers: deleted.map((customer) => ({
      id: customer.id,
      email: customer.email,
      first_name: customer.first_name,
      last_name: customer.last_name,
      deleted_at: isoDate(customer.deleted_at!),
      restorable_until: isoDate(new Date(new Date(customer.deleted_at!).getTime() + RESTORE_WINDOW_MS)),
    })),
  })
}
