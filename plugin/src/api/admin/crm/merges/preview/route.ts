import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { AdminGetMergePreviewParamsType } from "../../validators"
import { describeMergeCustomer } from "../../../../../modules/customer-merge/merge-wording"
import { planCustomerMerge } from "../../../../../utils/customer-merge-plan"
import type { AdminMergePreviewResponse } from "@fieldservice/contract"

/** What merging secondary_id into primary_id would do: counts per kind of record, the values kept, and warnings. Changes nothing. */
export async function GET(req: AuthenticatedMedusaRequest<unknown, AdminGetMergePreviewParamsType>, res: MedusaResponse<AdminMergePreviewResponse>) {
  const plan = await planCustomerMerge(req.scope, req.validatedQuery)
  res.json({
    preview: {
      primary: describeMergeCustomer(plan.primary),
      secondary: describeMergeCustomer(plan.secondary),
      counts: plan.counts,
      conflicts: plan.conflicts,
      warnings: plan.warnings,
    },
  })
}
