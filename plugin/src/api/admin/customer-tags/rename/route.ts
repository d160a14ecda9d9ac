import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { renameCustomerTagWorkflow } from "../../../../workflows/customer-tags/rename-customer-tag"
import { requestActor } from "../../../utils/activity-actor"
import type { AdminRenameCustomerTagType } from "../validators"
import type { AdminRenameCustomerTagResponse } from "@fieldservice/contract"

/** Renames a tag on every customer carrying it; onto a tag in use, a merge (customers with both keep one). */
export async function POST(req: AuthenticatedMedusaRequest<AdminRenameCustomerTagType>, res: MedusaResponse<AdminRenameCustomerTagResponse>) {
  const { from, to } = req.validatedBody
  const { result } = await renameCustomerTagWorkflow(req.scope).run({ input: { from, to, actor: await requestActor(req) } })
  res.json({ tag: { value: result.to ?? to, count: result.count }, merged: result.merged, customer_count: result.customer_count })
}
