import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { ICustomerModuleService } from "@medusajs/framework/types"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import type { AdminMergeCount, AdminMergedCustomer, AdminMergedCustomerResponse } from "@fieldservice/contract"
import { CUSTOMER_MERGE_MODULE, type CustomerMergeModuleService } from "../../../../../modules/customer-merge"
import { fullName } from "../../../../../modules/customer-merge/merge-wording"
import { isoDate } from "../../../../../utils/json-dates"

/**
 * A merged customer's record, read-only: Medusa's own customer page can't open it (Medusa hides
 * deleted customers), so staff following an old link see who it was and where its data went.
 */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminMergedCustomerResponse>) {
  const customers: ICustomerModuleService = req.scope.resolve(Modules.CUSTOMER)
  const merges: CustomerMergeModuleService = req.scope.resolve(CUSTOMER_MERGE_MODULE)
  const id = req.params.id
  const [merge] = await merges.listCustomerMerges({ secondary_customer_id: id }, { order: { created_at: "DESC" }, take: 1 })
  if (!merge) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Customer ${id} was not merged into another customer`)
  const found = await customers.listCustomers({ id: [id, merge.primary_customer_id] }, { withDeleted: true })
  const merged = found.find((customer) => customer.id === id)
  const kept = found.find((customer) => customer.id === merge.primary_customer_id)
  if (!merged || !kept) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Customer ${id} was not merged into another customer`)
  const [keptMerged] = kept.deleted_at ? await merges.listCustomerMerges({ secondary_customer_id: kept.id }, { take: 1 }) : []
  const summary = merge.summary as { counts?: AdminMergeCount[] } | null
  const answer: AdminMergedCustomer = {
    id,
    name: fullName(merged) || null,
    email: merged.email,
    phone: merged.phone ?? null,
    company_name: merged.company_name ?? null,
    created_at: isoDate(merged.created_at),
    merged_at: isoDate(merge.created_at),
    merged_by: merge.actor,
    counts: summary?.counts ?? [],
    merged_into: {
      id: kept.id,
      name: fullName(kept) || null,
      email: kept.email,
      status: keptMerged ? "merged" : kept.deleted_at ? "deleted" : "active",
    },
  }
  res.json({ merged_customer: answer })
}
