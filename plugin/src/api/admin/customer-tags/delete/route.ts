import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { deleteCustomerTagWorkflow } from "../../../../workflows/customer-tags/delete-customer-tag"
import { requestActor } from "../../../utils/activity-actor"
import type { AdminDeleteCustomerTagType } from "../validators"
import type { AdminDeleteCustomerTagResponse } from "@fieldservice/contract"

/** Takes a tag (any case) off every customer carrying it; `customer_count` is how many lost it. */
export async function POST(req: AuthenticatedMedusaRequest<AdminDeleteCustomerTagType>, res: MedusaResponse<AdminDeleteCustomerTagResponse>) {
  const { result } = await deleteCustomerTagWorkflow(req.scope).run({ input: { tag: req.validatedBody.tag, actor: await requestActor(req) } })
  res.json({ tag: result.spellings[0], object: "customer_tag", deleted: true, customer_count: result.customer_count })
}
