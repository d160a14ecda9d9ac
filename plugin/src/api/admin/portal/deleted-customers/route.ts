import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { ICustomerModuleService } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { type AdminDeletedCustomerListResponse, RESTORE_WINDOW_MS } from "@fieldservice/contract"
import { CUSTOMER_MERGE_MODULE, type CustomerMergeModuleService } from "../../../../modules/customer-merge"
import { isoDate } from "../../../../utils/json-dates"

/** Customers deleted in the last 30 days, which staff can still restore (not merged ones: their data has moved). */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminDeletedCustomerListResponse>) {
  const customers: ICustomerModuleService = req.scope.resolve(Modules.CUSTOMER)
  const since = new Date(Date.now() - RESTORE_WINDOW_MS)
  const deleted = await customers.listCustomers({ deleted_at: { $gte: since } } as never, { withDeleted: true, order: { deleted_at: "DESC" }, take: 200 })
  const merges: CustomerMergeModuleService = req.scope.resolve(CUSTOMER_MERGE_MODULE)
  const merged = deleted.length
    ? new Set((await merges.listCustomerMerges({ secondary_customer_id: deleted.map((customer) => customer.id) })).map((merge) => merge.secondary_customer_id))
    : new Set<string>()
  res.json({
    customers: deleted
      .filter((customer) => !merged.has(customer.id))
      .map((customer) => ({
        id: customer.id,
        email: customer.email,
        first_name: customer.first_name,
        last_name: customer.last_name,
        deleted_at: isoDate(customer.deleted_at!),
        restorable_until: isoDate(new Date(new Date(customer.deleted_at!).getTime() + RESTORE_WINDOW_MS)),
      })),
  })
}
